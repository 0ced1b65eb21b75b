package org.tfeval.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tfeval.instrument.workflow.Problem;

/** How numbers, ranges and counted nouns print. */
class FormatTest {
    @Test
    void a_range_with_a_negative_limit_prints_with_to_and_never_with_a_dash_next_to_a_minus_sign() {
        assertThat(Format.numberInterval(-60.6, -51.0)).isEqualTo("-60.6 to -51.0");
        assertThat(Format.numberInterval(-3.25, 4.5)).isEqualTo("-3.25 to 4.50");
        assertThat(Format.percentInterval(-0.042, 0.03)).isEqualTo("-4.2 to 3.0");
        assertThat(Format.interval(org.tfeval.analysis.ColumnKind.NUMBER, -60.6, -51.0))
                .isEqualTo("-60.6 to -51.0");
        for (String s : new String[] {
            Format.numberInterval(-60.6, -51.0), Format.percentInterval(-0.5, -0.1), Format.range("-1", "2")
        }) {
            assertThat(s).doesNotContain("--").doesNotContain("- -").doesNotContain("\u2013-");
        }
    }

    @Test
    void a_range_of_non_negative_limits_keeps_the_en_dash() {
        assertThat(Format.percentInterval(0.901, 0.975)).isEqualTo("90.1\u201397.5");
        assertThat(Format.numberInterval(0.45, 1.23)).isEqualTo("0.45\u20131.23");
        assertThat(Format.range("2010", "2020")).isEqualTo("2010\u20132020");
    }

    @Test
    void a_count_takes_the_singular_for_exactly_one_and_the_plural_otherwise() {
        assertThat(Format.count(1, "case", "cases")).isEqualTo("1 case");
        assertThat(Format.count(0, "case", "cases")).isEqualTo("0 cases");
        assertThat(Format.count(2, "task force", "task forces")).isEqualTo("2 task forces");
        assertThat(Format.count(1204, "case", "cases")).isEqualTo("1,204 cases");
        assertThat(Format.noun(1, "was", "were")).isEqualTo("was");
        assertThat(Format.noun(3, "was", "were")).isEqualTo("were");
    }

    @Test
    void a_paper_size_is_named_by_its_option_word_and_any_other_word_is_a_usage_problem() {
        assertThat(Paper.parse("letter")).isEqualTo(Paper.LETTER);
        assertThat(Paper.parse("A4")).isEqualTo(Paper.A4);
        assertThat(Paper.DEFAULT).isEqualTo(Paper.LETTER);
        assertThatThrownBy(() -> Paper.parse("legal"))
                .isInstanceOf(Problem.Usage.class)
                .hasMessageContaining("legal");
    }
}
