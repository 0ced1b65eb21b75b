package org.tfeval.release.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

class DatasetSummaryTest {
    /** A few ulps of error from the streaming (Welford) update. */
    private static final Offset<Double> TOLERANCE = within(1e-12);

    private static final VariableSpec SCORE = VariableSpec.of("SCORE", "", VariableType.integer())
            .withValueLabel(2, "two")
            .withValueLabel(3, "three")
            .withMissing(MissingCode.NOT_RECORDED, MissingCode.NOT_APPLICABLE);
    private static final VariableSpec WHEN =
            VariableSpec.of("WHEN", "", VariableType.date()).withMissing(MissingCode.UNKNOWN);
    private static final VariableSpec NOTE = VariableSpec.of("NOTE", "", VariableType.string(20));

    /**
     * Oracle: the worked example of the Wikipedia article "Standard deviation": 2, 4, 4, 4, 5, 5, 7, 9
     * has mean 5 and population standard deviation 2, so sample standard deviation sqrt(32/7).
     */
    @Test
    void mean_and_sample_standard_deviation_of_valid_values_only() throws Exception {
        DatasetSpec spec = DatasetSpec.of("t", "", SCORE, WHEN, NOTE);
        List<Object[]> rows = new ArrayList<>();
        for (long x : new long[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            rows.add(new Object[] {x, null, null});
        }
        rows.add(new Object[] {-9L, LocalDate.of(2001, 1, 1), "é"});
        rows.add(new Object[] {MissingCode.NOT_APPLICABLE, MissingCode.UNKNOWN, ""});
        rows.add(new Object[] {null, LocalDate.of(1999, 5, 5), "東京"});
        DatasetSummary summary = DatasetSummary.compute(spec, RowSource.of(rows));

        assertThat(summary.rowCount()).isEqualTo(11);
        VariableSummary score = summary.variable("SCORE");
        NumericStats stats = score.numeric().orElseThrow();
        assertThat(stats.count()).isEqualTo(8);
        assertThat(stats.mean()).isCloseTo(5.0, TOLERANCE);
        assertThat(stats.standardDeviation().getAsDouble()).isCloseTo(Math.sqrt(32.0 / 7.0), TOLERANCE);
        assertThat(stats.min()).isEqualTo(2.0);
        assertThat(stats.max()).isEqualTo(9.0);
        assertThat(score.validCount()).isEqualTo(8);
        assertThat(score.systemMissingCount()).isEqualTo(1);
        assertThat(score.missing(MissingCode.NOT_RECORDED)).isEqualTo(1);
        assertThat(score.missing(MissingCode.NOT_APPLICABLE)).isEqualTo(1);
        assertThat(score.missingCount()).isEqualTo(3);
        // labelled codes (2, 3: 3 never seen) and every other valid value seen
        assertThat(score.frequencies())
                .containsExactly(
                        java.util.Map.entry(2L, 1L),
                        java.util.Map.entry(3L, 0L),
                        java.util.Map.entry(4L, 3L),
                        java.util.Map.entry(5L, 2L),
                        java.util.Map.entry(7L, 1L),
                        java.util.Map.entry(9L, 1L));

        VariableSummary when = summary.variable("WHEN");
        assertThat(when.earliest()).contains(LocalDate.of(1999, 5, 5));
        assertThat(when.latest()).contains(LocalDate.of(2001, 1, 1));
        assertThat(when.missing(MissingCode.UNKNOWN)).isEqualTo(1);
        assertThat(when.numeric()).isEmpty();

        VariableSummary note = summary.variable("NOTE");
        assertThat(note.validCount()).isEqualTo(2);
        assertThat(note.systemMissingCount()).as("null and empty strings").isEqualTo(9);
        assertThat(note.maxLength()).as("UTF-8 bytes of 東京").isEqualTo(6);
    }

    /**
     * Oracle: Wikipedia "Algorithms for calculating variance": 1e9 + {4, 7, 13, 16} has sample
     * variance 30, which the naive sum-of-squares formula loses to cancellation.
     */
    @Test
    void variance_is_stable_for_large_offsets() throws Exception {
        VariableSpec x = VariableSpec.of("X", "", VariableType.decimal(20, 2));
        DatasetSpec spec = DatasetSpec.of("t", "", x);
        List<Object[]> rows = new ArrayList<>();
        for (double d : new double[] {4, 7, 13, 16}) {
            rows.add(new Object[] {1e9 + d});
        }
        NumericStats stats = DatasetSummary.compute(spec, RowSource.of(rows))
                .variable("X")
                .numeric()
                .orElseThrow();
        assertThat(Math.pow(stats.standardDeviation().getAsDouble(), 2)).isCloseTo(30.0, within(1e-6));
        assertThat(stats.mean()).isEqualTo(1e9 + 10);
    }

    @Test
    void an_empty_dataset_has_zero_counts_and_no_statistics() throws Exception {
        DatasetSpec spec = DatasetSpec.of("t", "", SCORE, WHEN, NOTE);
        DatasetSummary summary = DatasetSummary.compute(spec, RowSource.of(List.of()));
        assertThat(summary.rowCount()).isZero();
        VariableSummary score = summary.variable("SCORE");
        assertThat(score.numeric()).isEmpty();
        assertThat(score.frequencies())
                .containsEntry(2L, 0L)
                .containsEntry(3L, 0L)
                .hasSize(2);
        assertThat(score.missing(MissingCode.NOT_RECORDED)).isZero();
        assertThat(summary.variable("WHEN").earliest()).isEmpty();
    }

    @Test
    void a_single_value_has_no_standard_deviation() throws Exception {
        DatasetSpec spec = DatasetSpec.of("t", "", SCORE);
        NumericStats stats = DatasetSummary.compute(spec, RowSource.of(List.<Object[]>of(new Object[] {4L})))
                .variable("SCORE")
                .numeric()
                .orElseThrow();
        assertThat(stats.standardDeviation()).isEmpty();
        assertThat(stats.mean()).isEqualTo(4.0);
    }
}
