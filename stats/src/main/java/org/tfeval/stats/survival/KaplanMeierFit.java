package org.tfeval.stats.survival;

import java.util.List;
import java.util.Objects;
import org.tfeval.stats.model.FitWarning;

/** Kaplan-Meier curves per stratum, the log-rank test when there are two or more strata (else null). */
public record KaplanMeierFit(
        List<SurvivalCurve> curves,
        LogRankResult logRank,
        SurvivalInterval interval,
        double confidence,
        List<FitWarning> warnings) {

    public KaplanMeierFit {
        curves = List.copyOf(curves);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(interval, "interval");
    }
}
