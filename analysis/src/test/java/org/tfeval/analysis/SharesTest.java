package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.data.Categories;
import org.tfeval.analysis.data.Exclusions;
import org.tfeval.analysis.data.IntColumn;
import org.tfeval.analysis.data.Share;
import org.tfeval.instrument.InstrumentLoader;

/** Counting with missing codes: they leave the denominator and are counted by code. */
class SharesTest {
    @Test
    void missing_codes_leave_the_denominator_and_are_counted_by_code() {
        IntColumn c = IntColumn.of("V_ARRESTED", 1, 0, 0, -9, -8, -9, 1, 7);
        Share s = Share.of(c);
        assertThat(s.events()).isEqualTo(2);
        assertThat(s.trials()).isEqualTo(4);
        assertThat(s.excluded().byCode()).isEqualTo(Map.of(-9, 2L, -8, 1L, Exclusions.UNDOCUMENTED, 1L));
        assertThat(s.proportion()).isEqualTo(0.5);
        assertThat(s.excluded().describe(InstrumentLoader.builtIn("ecm"))).isEqualTo("2 not recorded in the file, 1 unknown (the file says unknown), "
                + "1 undocumented code");
    }

    @Test
    void categories_count_every_documented_code_even_when_absent() {
        IntColumn c = IntColumn.of("HT_TYPE", 1, 1, 2, -9, 9);
        Categories cat = Categories.of(c, i -> true, List.of(1L, 2L, 3L, 4L));
        assertThat(cat.counts()).containsExactly(Map.entry(1L, 2L), Map.entry(2L, 1L), Map.entry(3L, 0L), Map.entry(4L, 0L));
        assertThat(cat.total()).isEqualTo(3);
        assertThat(cat.excluded().total()).isEqualTo(2);
    }

    @Test
    void a_share_without_trials_has_no_proportion_and_impossible_shares_are_rejected() {
        assertThat(Share.of(IntColumn.of("X", -7, -7)).proportion()).isNaN();
        assertThatThrownBy(() -> new Share(3, 2, Exclusions.NONE)).hasMessageContaining("0 <= events <= trials");
        assertThatThrownBy(() -> new Exclusions(Map.of(2, 1L))).hasMessageContaining("negative");
    }

    @Test
    void result_tables_reject_values_that_do_not_fit_their_columns() {
        var b = ResultTable.builder("t", "T").text("k", "K").proportion("p", "P");
        assertThatThrownBy(() -> b.row("a", 1.5).build()).hasMessageContaining("does not fit PROPORTION");
        assertThatThrownBy(() -> ResultTable.builder("Bad Id", "T").text("k", "K").build()).hasMessageContaining("table id");
        ResultTable ok = ResultTable.builder("t", "T").text("k", "K").proportion("p", "P").row("a", Double.NaN).build();
        assertThat(ok.value(0, "p")).isNull();
    }
}
