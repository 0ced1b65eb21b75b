package org.tfeval.analysis.data;

import java.util.Objects;

/**
 * A share estimated with the sample design: the weighted estimate, its design-based interval (task force as
 * the cluster, Taylor linearization, {@code t} with clusters - 1 degrees of freedom, logit scale) and the
 * number of clusters it rests on.
 *
 * @param estimate the weighted share, NaN without trials
 * @param interval its interval, {@link Interval#NONE} when not defined (no trials, fewer than two task
 *                 forces, or an estimate of 0 or 1, where the linearized variance is 0 and says nothing)
 * @param clusters task forces in the design
 */
public record DesignEstimate(double estimate, Interval interval, int clusters) {
    /** No estimate (no trials). */
    public static final DesignEstimate NONE = new DesignEstimate(Double.NaN, Interval.NONE, 0);

    public DesignEstimate {
        Objects.requireNonNull(interval, "interval");
        if (clusters < 0) throw new IllegalArgumentException("clusters must be >= 0, got " + clusters);
    }
}
