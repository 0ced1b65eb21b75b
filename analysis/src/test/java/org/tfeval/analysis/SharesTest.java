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
        assertThat(s.excluded().describe(InstrumentLoader.builtIn("ecm")))
                .isEqualTo("2 not recorded in the file, 1 unknown (the file says unknown), " + "1 undocumented code");
    }

    @Test
    void categories_count_every_documented_code_even_when_absent() {
        IntColumn c = IntColumn.of("HT_TYPE", 1, 1, 2, -9, 9);
        Categories cat = Categories.of(c, i -> true, List.of(1L, 2L, 3L, 4L));
        assertThat(cat.counts())
                .containsExactly(Map.entry(1L, 2L), Map.entry(2L, 1L), Map.entry(3L, 0L), Map.entry(4L, 0L));
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
        TableKey<KeyShare> key = TableKey.of("t", KeyShare.class);
        var b = ResultTable.builder(key, "T").text("k", "K").proportion("p", "P");
        assertThatThrownBy(() -> b.add(new KeyShare("a", 1.5)).build()).hasMessageContaining("does not fit PROPORTION");
        assertThatThrownBy(() -> TableKey.of("Bad Id", KeyShare.class)).hasMessageContaining("table id");
        ResultTable<KeyShare> ok = ResultTable.builder(key, "T")
                .text("k", "K")
                .proportion("p", "P")
                .add(new KeyShare("a", Double.NaN))
                .build();
        assertThat(ok.row(0).p()).as("NaN is not computed").isNull();
        assertThat(ok.value(0, "p")).isNull();
    }

    @Test
    void result_tables_reject_row_records_that_do_not_match_their_columns() {
        TableKey<KeyShare> key = TableKey.of("t", KeyShare.class);
        assertThatThrownBy(() -> ResultTable.builder(key, "T").text("k", "K").build())
                .hasMessageContaining("2 values for 1 columns");
        assertThatThrownBy(() -> ResultTable.builder(key, "T")
                        .text("k", "K")
                        .count("p", "P")
                        .build())
                .hasMessageContaining("holds COUNT");
    }

    /** A row of a test table. */
    record KeyShare(String k, Double p) {}
}
