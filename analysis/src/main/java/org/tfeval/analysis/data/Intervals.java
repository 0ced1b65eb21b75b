package org.tfeval.analysis.data;

/**
 * The interval estimators the analyses use, each a call into the {@code stats} module.
 */
public final class Intervals {
    private Intervals() {
    }

    /** Wilson score interval of a share (stats: proportions). */
    public static Interval wilson(Share share, double confidence) {
        if (share.trials() == 0) return Interval.NONE;
        return Interval.NONE; // TODO(stats): Wilson interval from the stats module once it lands
    }

    /** Katz log interval of the ratio of two independent proportions a/n1 over b/n2 (stats: contingency tables). */
    public static Interval ratio(long a, long n1, long b, long n2, double confidence) {
        if (n1 == 0 || n2 == 0) return Interval.NONE;
        return Interval.NONE; // TODO(stats)
    }

    /** Newcombe hybrid score interval of the difference a/n1 - b/n2 (stats: contingency tables). */
    public static Interval difference(long a, long n1, long b, long n2, double confidence) {
        if (n1 == 0 || n2 == 0) return Interval.NONE;
        return Interval.NONE; // TODO(stats)
    }
}
