package org.tfeval.stats.agreement;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Percentile bootstrap intervals for agreement coefficients by resampling units: each draw takes as many
 * units as the data have, with replacement, keeps every coder's codes of a drawn unit together, and
 * recomputes the coefficient (a unit-level bootstrap, not Hayes and Krippendorff's (2007) resampling of
 * pairable values: units are what was sampled, and the codes within a unit are dependent). Draws where the
 * coefficient is undefined (no disagreement expected) are left out and counted. Immutable; configured by
 * copy.
 */
public final class AgreementBootstrap {

    /** Default number of draws. */
    public static final int DEFAULT_DRAWS = 2000;

    /** Default seed. */
    public static final long DEFAULT_SEED = 20_070_401L;

    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final int draws;
    private final long seed;
    private final double confidence;

    private AgreementBootstrap(int draws, long seed, double confidence) {
        if (draws < 100) {
            throw new IllegalArgumentException("a bootstrap interval needs at least 100 draws, got " + draws);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        this.draws = draws;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** 2000 draws, the default seed, 95%. */
    public static AgreementBootstrap create() {
        return new AgreementBootstrap(DEFAULT_DRAWS, DEFAULT_SEED, DEFAULT_CONFIDENCE);
    }

    public AgreementBootstrap withDraws(int b) {
        return new AgreementBootstrap(b, seed, confidence);
    }

    public AgreementBootstrap withSeed(long s) {
        return new AgreementBootstrap(draws, s, confidence);
    }

    public AgreementBootstrap withConfidence(double level) {
        return new AgreementBootstrap(draws, seed, level);
    }

    /** An estimate with its percentile interval; {@code usable} draws gave a defined coefficient. */
    public record Interval(double estimate, double low, double high, double confidence, int draws, int usable) {

        public Interval {
            if (usable < 0 || usable > draws) {
                throw new IllegalArgumentException("usable draws must lie in [0, " + draws + "], got " + usable);
            }
            if (low > high) {
                throw new IllegalArgumentException("interval low " + low + " > high " + high);
            }
        }

        /** Words for a table's note. */
        public String method() {
            return "unit-level percentile bootstrap, " + draws + " draws"
                    + (usable < draws ? ", " + usable + " usable" : "");
        }
    }

    /** Krippendorff's alpha at {@code level} over all coders. */
    public Interval alpha(CodingTable table, MeasurementLevel level) {
        return interval(table, t -> KrippendorffAlpha.of(t, level).alpha());
    }

    /** Cohen's kappa of coders {@code a} and {@code b}, weighted by {@code weights}. */
    public Interval kappa(CodingTable table, int a, int b, KappaWeights weights) {
        return interval(table, t -> weights.kappa(t.crossTable(a, b)));
    }

    /** Percentile interval of any coefficient of the table. */
    public Interval interval(CodingTable table, ToDoubleFunction<CodingTable> statistic) {
        double estimate = statistic.applyAsDouble(table);
        int n = table.units();
        int coders = table.coders().size();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] values = new double[draws];
        int usable = 0;
        int[][] codes = new int[coders][n];
        for (int d = 0; d < draws; d++) {
            for (int u = 0; u < n; u++) {
                int pick = rng.nextInt(n);
                for (int c = 0; c < coders; c++) {
                    codes[c][u] = table.codes()[c][pick];
                }
            }
            CodingTable resampled = new CodingTable(table.coders(), table.categories(), table.numericValues(), codes);
            double v = statistic.applyAsDouble(resampled);
            if (Double.isFinite(v)) {
                values[usable++] = v;
            }
        }
        if (usable == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN, confidence, draws, 0);
        }
        double[] sorted = Arrays.copyOf(values, usable);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new Interval(estimate, quantile(sorted, tail), quantile(sorted, 1 - tail), confidence, draws, usable);
    }

    /** Inverse of the empirical distribution (R's quantile type 1). */
    private static double quantile(double[] sorted, double p) {
        int k = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
    }
}
