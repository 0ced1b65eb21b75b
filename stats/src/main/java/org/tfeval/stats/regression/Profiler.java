package org.tfeval.stats.regression;

import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * Finds profile-likelihood interval limits: the values {@code b} of one coefficient at which the
 * constrained criterion (minus twice the (penalized) log-likelihood, maximised over the other
 * coefficients) rises {@code threshold} above its minimum. Brackets outward from the estimate in steps
 * of the standard error, then solves with Brent's method (Commons Numbers).
 */
final class Profiler {

    /** Absolute accuracy of a limit, relative to the coefficient's standard error. */
    static final double LIMIT_ACCURACY_IN_SE = 1e-9;

    /** Bracketing gives up after the limit is this many standard errors away (the limit is then infinite). */
    static final double MAX_DISTANCE_IN_SE = 1e4;

    /** Constrained criterion: minus twice the maximised log-likelihood with coefficient j fixed at b. */
    @FunctionalInterface
    interface Constrained {
        double value(double b);
    }

    private Profiler() {}

    /**
     * Limit on one side ({@code direction} +1 upper, -1 lower); infinite when the criterion never rises
     * far enough (separation, boundary).
     */
    static double limit(Constrained f, double estimate, double se, double minimum, double threshold, int direction) {
        double scale = se > 0 && Double.isFinite(se) ? se : Math.max(1.0, Math.abs(estimate));
        double step = Math.sqrt(threshold) * scale;
        double inner = estimate;
        double outer = estimate + direction * step;
        double gOuter = f.value(outer) - minimum - threshold;
        while (!(gOuter > 0)) {
            if (Double.isNaN(gOuter) || Math.abs(outer - estimate) > MAX_DISTANCE_IN_SE * scale) {
                return direction * Double.POSITIVE_INFINITY;
            }
            inner = outer;
            step *= 2;
            outer = estimate + direction * step;
            gOuter = f.value(outer) - minimum - threshold;
        }
        double lo = Math.min(inner, outer);
        double hi = Math.max(inner, outer);
        BrentSolver solver = new BrentSolver(LIMIT_ACCURACY_IN_SE * scale, 1e-14, 0);
        return solver.findRoot(b -> f.value(b) - minimum - threshold, lo, hi);
    }
}
