package org.tfeval.qual.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.workflow.Problem;

class CodebookTest {
    private final Code services = Code.category("Victim services", null);
    private final Code housing = Code.of("Housing", services.guid(), "Shelter or housing for survivors");
    private final Code shelter = Code.of("Shelter beds", services.guid(), "Emergency shelter capacity");
    private final Codebook v1 = Codebook.of(List.of(services, housing, shelter));

    @Test
    void a_merge_carries_codings_to_the_surviving_code_and_retires_the_merged_one() {
        int codedUnder = v1.version();
        Codebook v2 = v1.apply(new CodebookChange.Merge(List.of(shelter.guid()), housing.guid()));
        assertThat(v2.version()).isEqualTo(v1.version() + 1);
        assertThat(v2.carry(shelter.guid(), codedUnder)).isEqualTo(housing.guid());
        assertThat(v2.carry(housing.guid(), codedUnder)).isEqualTo(housing.guid());
        assertThat(v2.code(shelter.guid()).orElseThrow().applicable()).isFalse();
        // the retired name is free again
        Codebook v3 = v2.apply(new CodebookChange.Add(Code.of("Shelter beds", services.guid(), "")));
        assertThat(v3.named("Shelter beds").orElseThrow().guid()).isNotEqualTo(shelter.guid());
    }

    @Test
    void rename_move_split_and_retire_keep_codings_on_their_code() {
        Code other = Code.category("Other", null);
        Codebook b = v1.apply(new CodebookChange.Add(other))
                .apply(new CodebookChange.Rename(housing.guid(), "Housing and shelter"))
                .apply(new CodebookChange.Move(housing.guid(), other.guid()))
                .apply(new CodebookChange.Split(
                        shelter.guid(),
                        List.of(Code.of("Shelter: adults", null, ""), Code.of("Shelter: minors", null, ""))))
                .apply(new CodebookChange.Retire(shelter.guid()));
        assertThat(b.carry(housing.guid(), v1.version())).isEqualTo(housing.guid());
        assertThat(b.carry(shelter.guid(), v1.version())).isEqualTo(shelter.guid());
        assertThat(b.code(housing.guid()).orElseThrow().parent()).isEqualTo(other.guid());
        assertThat(b.children(services.guid())).extracting(Code::name).contains("Shelter: adults", "Shelter: minors");
        assertThat(b.history()).hasSize(b.version());
    }

    @Test
    void two_active_codes_cannot_share_a_name_and_a_move_cannot_make_a_cycle() {
        assertThatThrownBy(() -> v1.apply(new CodebookChange.Add(Code.of("Housing", null, ""))))
                .isInstanceOf(Problem.Usage.class);
        assertThatThrownBy(() -> v1.apply(new CodebookChange.Move(services.guid(), housing.guid())))
                .isInstanceOf(Problem.Usage.class);
    }

    @Test
    void codes_cannot_be_merged_into_a_category() {
        assertThatThrownBy(() -> v1.apply(new CodebookChange.Merge(List.of(shelter.guid()), services.guid())))
                .isInstanceOf(Problem.Usage.class);
    }
}
