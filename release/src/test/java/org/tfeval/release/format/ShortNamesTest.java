package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShortNamesTest {
    @Test
    void keeps_short_names_upper_cased_and_truncates_long_ones() {
        assertThat(ShortNames.assign(List.of("case_id", "S_SENTENCE_MONTHS"), 8))
                .containsExactly(Map.entry("case_id", "CASE_ID"), Map.entry("S_SENTENCE_MONTHS", "S_SENTEN"));
    }

    @Test
    void a_long_name_never_takes_a_short_name_that_exists_later_in_the_dataset() {
        assertThat(ShortNames.assign(List.of("EVIDENCE_A", "EVIDENCE"), 8))
                .containsExactly(Map.entry("EVIDENCE_A", "EVIDENC1"), Map.entry("EVIDENCE", "EVIDENCE"));
    }

    @Test
    void clashes_take_the_next_free_number_with_more_digits_as_needed() {
        List<String> names = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "TF_LEAD_VARIABLE_" + i)
                .toList();
        Map<String, String> shortNames = ShortNames.assign(names, 8);
        assertThat(shortNames.values())
                .containsExactly(
                        "TF_LEAD_",
                        "TF_LEAD1",
                        "TF_LEAD2",
                        "TF_LEAD3",
                        "TF_LEAD4",
                        "TF_LEAD5",
                        "TF_LEAD6",
                        "TF_LEAD7",
                        "TF_LEAD8",
                        "TF_LEAD9",
                        "TF_LEA10",
                        "TF_LEA11");
        assertThat(ShortNames.assign(names, 8)).isEqualTo(shortNames);
    }

    @Test
    void refuses_names_that_differ_only_in_case() {
        assertThatThrownBy(() -> ShortNames.assign(List.of("age", "AGE"), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AGE");
    }
}
