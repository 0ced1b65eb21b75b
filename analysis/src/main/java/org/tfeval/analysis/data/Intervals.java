package org.tfeval.analysis.data;

import org.tfeval.stats.proportion.IntervalMethod;
import org.tfeval.stats.proportion.ProportionInterval;
import org.tfeval.stats.proportion.TwoProportions;

/**
 * The interval estimators the analyses use, each a call into the {@code stats} module; no trials
 * give no interval.
 */
public final class Intervals {
    private Intervals() {}

    /** Wilson score interval of a share (stats: {@link IntervalMethod#WILSON}). */
    public static Interval wilson(Share share, double confidence) {
        if (share.trials() == 0) return Interval.NONE;
        ProportionInterval p = IntervalMethod.WILSON.interval(share.events(), share.trials(), confidence);
        return new Interval(p.low(), p.high());
    }

    /** Katz log interval of the ratio of a/n1 to b/n2 (stats: {@link TwoProportions#ratio}). */
    public static Interval ratio(long a, long n1, long b, long n2, double confidence) {
        if (n1 == 0 || n2 == 0) return Interval.NONE;
        var r = TwoProportions.create().withConfidence(confidence).ratio(a, n1, b, n2);
        return new Interval(r.low(), r.high());
    }

    /** Newcombe hybrid score interval of the difference a/n1 - b/n2 (stats: {@link TwoProportions#difference}). */
    public static Interval difference(long a, long n1, long b, long n2, double confidence) {
        if (n1 == 0 || n2 == 0) return Interval.NONE;
        var d = TwoProportions.create().withConfidence(confidence).difference(a, n1, b, n2);
        return new Interval(d.low(), d.high());
    }
}
