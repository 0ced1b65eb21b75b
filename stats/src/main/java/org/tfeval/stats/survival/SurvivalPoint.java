package org.tfeval.stats.survival;

/**
 * One row of a Kaplan-Meier table, at a distinct time with an event or a censoring: rows at risk just
 * before, events and censorings at the time, the survival estimate, the standard error of the cumulative
 * hazard (Greenwood; what {@code survfit} reports as {@code std.err}) and the interval (NaN where
 * undefined).
 */
public record SurvivalPoint(
        double time,
        int atRisk,
        int events,
        int censored,
        double survival,
        double stdError,
        double ciLow,
        double ciHigh) {

    public SurvivalPoint {
        if (atRisk < 1 || events < 0 || censored < 0 || events + censored > atRisk) {
            throw new IllegalArgumentException("inconsistent counts at time " + time + ": at risk " + atRisk
                    + ", events " + events + ", censored " + censored);
        }
        if (survival < 0 || survival > 1) {
            throw new IllegalArgumentException("survival must lie in [0, 1], got " + survival);
        }
    }
}
