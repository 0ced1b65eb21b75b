package org.tfeval.analysis.data;

/**
 * A confidence interval; either limit may be NaN when the estimator gives none (no trials).
 *
 * @param low  lower limit
 * @param high upper limit
 */
public record Interval(double low, double high) {
    /** No interval. */
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public Interval {
        if (low > high) throw new IllegalArgumentException("interval low " + low + " is above high " + high);
    }
}
