package org.tfeval.stats.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.tfeval.stats.model.FitWarning;

/**
 * Pearson's chi-square test of independence without continuity correction ({@code chisq.test(x, correct
 * = FALSE)}). Warns, as R does, when an expected count is below {@link #MIN_EXPECTED_COUNT}, and then
 * suggests Fisher's exact test.
 */
public final class ChiSquareTest {

    /** Cochran's rule, R's threshold for "Chi-squared approximation may be incorrect". */
    public static final double MIN_EXPECTED_COUNT = 5.0;

    /** Result: statistic, df, p-value, expected counts and warnings. */
    public record Result(double statistic, int df, double pValue, double[][] expected, List<FitWarning> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private ChiSquareTest() {}

    /** Tests independence of rows and columns; rows or columns with zero total are rejected. */
    public static Result test(ContingencyTable table) {
        long[] r = table.rowTotals();
        long[] c = table.columnTotals();
        double n = table.total();
        for (long v : r) {
            if (v == 0) {
                throw new IllegalArgumentException("a row of the table has total 0");
            }
        }
        for (long v : c) {
            if (v == 0) {
                throw new IllegalArgumentException("a column of the table has total 0");
            }
        }
        double[][] e = new double[r.length][c.length];
        double stat = 0;
        double minExpected = Double.POSITIVE_INFINITY;
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < c.length; j++) {
                e[i][j] = r[i] * (double) c[j] / n;
                double d = table.count(i, j) - e[i][j];
                stat += d * d / e[i][j];
                minExpected = Math.min(minExpected, e[i][j]);
            }
        }
        int df = (r.length - 1) * (c.length - 1);
        if (df < 1) {
            throw new IllegalArgumentException("the chi-square test needs at least 2 rows and 2 columns");
        }
        double p = ChiSquaredDistribution.of(df).survivalProbability(stat);
        List<FitWarning> warnings = new ArrayList<>();
        if (minExpected < MIN_EXPECTED_COUNT) {
            int small = 0;
            for (double[] row : e) {
                for (double v : row) {
                    small += v < MIN_EXPECTED_COUNT ? 1 : 0;
                }
            }
            warnings.add(new FitWarning(
                    FitWarning.SMALL_EXPECTED_COUNTS,
                    small + " of " + (r.length * c.length)
                            + " expected counts are below " + (int) MIN_EXPECTED_COUNT
                            + "; the chi-square approximation may be incorrect, prefer Fisher's exact test"));
        }
        return new Result(stat, df, p, e, warnings);
    }
}
