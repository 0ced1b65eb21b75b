package org.tfeval.analysis.data;

import org.tfeval.stats.table.ContingencyTable;
import org.tfeval.stats.table.FisherExactTest;

/** Fisher's exact test of two shares (stats: {@link FisherExactTest}). */
public final class ExactTests {
    private ExactTests() {}

    /** Two-sided p-value of equal shares in two groups; NaN when either group has no trials. */
    public static double fisher(Share a, Share b) {
        if (a.trials() == 0 || b.trials() == 0) return Double.NaN;
        return FisherExactTest.pValue(ContingencyTable.of(new long[][] {
            {a.events(), a.trials() - a.events()}, {b.events(), b.trials() - b.events()}
        }));
    }

    /**
     * The smallest two-sided p-value Fisher's test can give when {@code k} of {@code n} units have a
     * feature: the p-value of the most extreme table (every unit with the feature has the outcome, no
     * other does).
     */
    public static double smallestAttainable(int k, int n) {
        if (k <= 0 || k >= n) return Double.NaN;
        return FisherExactTest.pValue(ContingencyTable.of(new long[][] {{k, 0}, {0, n - k}}));
    }
}
