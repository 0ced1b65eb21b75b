package org.tfeval.stats.survival;

import java.util.List;
import java.util.Objects;

/**
 * The Kaplan-Meier curve of one stratum ({@code "all"} without strata, else {@code column=level}), with
 * median survival and its interval (NaN when the curve, or the interval curve, never falls to 0.5).
 */
public record SurvivalCurve(
        String stratum,
        int n,
        int events,
        List<SurvivalPoint> points,
        double median,
        double medianLow,
        double medianHigh) {

    public SurvivalCurve {
        Objects.requireNonNull(stratum, "stratum");
        points = List.copyOf(points);
        if (n < 1) {
            throw new IllegalArgumentException("a curve needs at least one subject");
        }
    }

    /** Survival just after time {@code t} (1 before the first time). */
    public double survivalAt(double t) {
        double s = 1;
        for (SurvivalPoint p : points) {
            if (p.time() > t) {
                break;
            }
            s = p.survival();
        }
        return s;
    }
}
