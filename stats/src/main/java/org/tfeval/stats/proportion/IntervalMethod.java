package org.tfeval.stats.proportion;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Confidence intervals for a binomial proportion. */
public enum IntervalMethod {

    /**
     * Wilson (1927) score interval, without continuity correction: R's {@code prop.test(x, n, correct =
     * FALSE)$conf.int}. Limits are exactly 0 at x = 0 and 1 at x = n.
     */
    WILSON {
        @Override
        double[] limits(long x, long n, double confidence) {
            double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
            double p = (double) x / n;
            double z22n = z * z / (2.0 * n);
            double root = z * Math.sqrt(p * (1 - p) / n + z22n / (2.0 * n));
            double lo = x == 0 ? 0.0 : (p + z22n - root) / (1 + 2 * z22n);
            double hi = x == n ? 1.0 : (p + z22n + root) / (1 + 2 * z22n);
            return new double[] {lo, hi};
        }
    },

    /**
     * Clopper and Pearson (1934) exact interval from beta quantiles: R's {@code binom.test(x, n)$conf.int}.
     */
    CLOPPER_PEARSON {
        @Override
        double[] limits(long x, long n, double confidence) {
            double a = (1 - confidence) / 2;
            double lo = x == 0 ? 0.0 : BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(a);
            double hi = x == n ? 1.0 : BetaDistribution.of(x + 1.0, n - x).inverseSurvivalProbability(a);
            return new double[] {lo, hi};
        }
    },

    /**
     * Jeffreys interval: equal-tailed quantiles of the Beta(x + 1/2, n - x + 1/2) posterior, with the
     * lower limit set to 0 at x = 0 and the upper to 1 at x = n (Brown, Cai and DasGupta 2001, Stat. Sci.
     * 16:101-133, section 4.1.2).
     */
    JEFFREYS {
        @Override
        double[] limits(long x, long n, double confidence) {
            double a = (1 - confidence) / 2;
            BetaDistribution b = BetaDistribution.of(x + 0.5, n - x + 0.5);
            double lo = x == 0 ? 0.0 : b.inverseCumulativeProbability(a);
            double hi = x == n ? 1.0 : b.inverseSurvivalProbability(a);
            return new double[] {lo, hi};
        }
    };

    abstract double[] limits(long x, long n, double confidence);

    /** The interval for {@code successes} out of {@code trials} at {@code confidence}. */
    public ProportionInterval interval(long successes, long trials, double confidence) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "need 0 <= successes <= trials and trials >= 1, got " + successes + " of " + trials);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        double[] l = limits(successes, trials, confidence);
        double p = (double) successes / trials;
        return new ProportionInterval(successes, trials, p, Math.min(l[0], p), Math.max(l[1], p), this, confidence);
    }
}
