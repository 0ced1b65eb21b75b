package org.tfeval.stats.proportion;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Comparison of two independent proportions {@code x1/n1} and {@code x2/n2}. Immutable; configured by
 * copy.
 */
public final class TwoProportions {

    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /**
     * Added to every cell of the 2x2 table when a count is zero, so that the Katz log interval stays
     * finite (the Haldane-Anscombe correction).
     */
    public static final double ZERO_CELL_CORRECTION = 0.5;

    private final double confidence;

    private TwoProportions(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        this.confidence = confidence;
    }

    public static TwoProportions create() {
        return new TwoProportions(DEFAULT_CONFIDENCE);
    }

    public TwoProportions withConfidence(double level) {
        return new TwoProportions(level);
    }

    /** An estimate with interval for a comparison of two proportions. */
    public record Comparison(String measure, double estimate, double low, double high, double confidence) {
        public Comparison {
            if (low > high) {
                throw new IllegalArgumentException("interval low " + low + " > high " + high);
            }
        }
    }

    /**
     * {@code p1 - p2} with Newcombe's (1998, Stat. Med. 17:873-890, method 10) hybrid score interval built
     * from the two Wilson intervals: {@code d - sqrt((p1 - l1)^2 + (u2 - p2)^2)} to
     * {@code d + sqrt((u1 - p1)^2 + (p2 - l2)^2)}.
     */
    public Comparison difference(long x1, long n1, long x2, long n2) {
        ProportionInterval a = IntervalMethod.WILSON.interval(x1, n1, confidence);
        ProportionInterval b = IntervalMethod.WILSON.interval(x2, n2, confidence);
        double d = a.estimate() - b.estimate();
        double lo = d - Math.sqrt(sq(a.estimate() - a.low()) + sq(b.high() - b.estimate()));
        double hi = d + Math.sqrt(sq(a.high() - a.estimate()) + sq(b.estimate() - b.low()));
        return new Comparison("difference", d, Math.max(lo, -1), Math.min(hi, 1), confidence);
    }

    /**
     * {@code p1 / p2} with the Katz et al. (1978, Biometrics 34:469-474) log interval,
     * {@code exp(log(r) -/+ z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2))}; when a count is 0 or equals its total,
     * {@link #ZERO_CELL_CORRECTION} is added to each of the four cells first.
     */
    public Comparison ratio(long x1, long n1, long x2, long n2) {
        if (n1 < 1 || n2 < 1 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            throw new IllegalArgumentException("need 0 <= x <= n and n >= 1 in both groups");
        }
        double a = x1;
        double b = x2;
        double m1 = n1;
        double m2 = n2;
        if (x1 == 0 || x2 == 0 || x1 == n1 || x2 == n2) {
            a += ZERO_CELL_CORRECTION;
            b += ZERO_CELL_CORRECTION;
            m1 += 2 * ZERO_CELL_CORRECTION;
            m2 += 2 * ZERO_CELL_CORRECTION;
        }
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
        double logR = Math.log((a / m1) / (b / m2));
        double se = Math.sqrt(1 / a - 1 / m1 + 1 / b - 1 / m2);
        return new Comparison("ratio", Math.exp(logR), Math.exp(logR - z * se), Math.exp(logR + z * se), confidence);
    }

    private static double sq(double v) {
        return v * v;
    }
}
