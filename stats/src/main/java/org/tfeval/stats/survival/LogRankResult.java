package org.tfeval.stats.survival;

import java.util.List;

/** The log-rank test across strata: observed and expected events per stratum, chi-square, df, p-value. */
public record LogRankResult(
        List<String> strata, double[] observed, double[] expected, double chiSquare, int df, double pValue) {

    public LogRankResult {
        strata = List.copyOf(strata);
        if (observed.length != strata.size() || expected.length != strata.size()) {
            throw new IllegalArgumentException("one observed and expected count per stratum is required");
        }
        if (df < 1) {
            throw new IllegalArgumentException("log-rank df must be >= 1, got " + df);
        }
    }
}
