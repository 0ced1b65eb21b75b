package org.tfeval.stats.survey;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The weighted mean {@code sum(w y) / sum(w)} of a one-stage cluster sample, its Taylor-linearization
 * standard error and a confidence interval.
 *
 * <p>The linearized variable is {@code z_i = w_i (y_i - mean) / sum(w)}; with cluster totals {@code Z_g} the
 * variance is {@code G / (G - 1) * sum_g (Z_g - mean(Z))^2} (clusters with replacement, no finite-population
 * correction): R {@code survey::svymean} on {@code svydesign(ids = ~cluster, weights = ~w)}. Intervals use
 * {@code t(G - 1)}, the {@code survey} package's {@code degf} convention:
 * <ul>
 *   <li>{@link Method#LOGIT}: R {@code svyciprop(method = "logit")}, the Wald interval on the logit scale,
 *       {@code expit(logit(p) +- t * se / (p (1 - p)))}; it stays inside (0, 1) and has no width when the
 *       estimate is 0 or 1;</li>
 *   <li>{@link Method#MEAN}: R {@code svyciprop(method = "mean")}, {@code p +- t * se}, cut to [0, 1].</li>
 * </ul>
 *
 * @param estimate     the weighted mean
 * @param standardError linearization standard error
 * @param clusters     clusters in the design (with at least one row, with or without a value)
 * @param domainClusters clusters with at least one row with a value: the degrees of freedom are this
 *                     minus 1, as {@code survey::degf} counts the clusters of a subset design
 * @param n            rows with a value
 */
public record ClusterMean(double estimate, double standardError, int clusters, int domainClusters, long n) {

    /** How the interval is formed. */
    public enum Method {
        /** Wald interval on the logit scale, back-transformed (R svyciprop "logit"). */
        LOGIT {
            @Override
            double[] interval(double p, double se, double t) {
                if (!(p > 0 && p < 1)) return new double[] {p, p};
                double l = Math.log(p / (1 - p));
                double h = t * se / (p * (1 - p));
                return new double[] {expit(l - h), expit(l + h)};
            }
        },
        /** Wald interval on the proportion scale, cut to [0, 1] (R svyciprop "mean"). */
        MEAN {
            @Override
            double[] interval(double p, double se, double t) {
                return new double[] {Math.max(0, p - t * se), Math.min(1, p + t * se)};
            }
        };

        abstract double[] interval(double p, double se, double t);

        private static double expit(double x) {
            return 1 / (1 + Math.exp(-x));
        }
    }

    public ClusterMean {
        if (clusters < 1)
            throw new IllegalArgumentException("a cluster mean needs at least 1 cluster, got " + clusters);
        if (n < 1) throw new IllegalArgumentException("a cluster mean needs at least 1 observation, got " + n);
    }

    /** Degrees of freedom of the interval: clusters with a value - 1. */
    public int degreesOfFreedom() {
        return domainClusters - 1;
    }

    /**
     * The {@code confidence} interval by {@code method}; with one cluster (no degrees of freedom) the
     * interval is [0, 1] for a proportion, i.e. uninformative.
     */
    public double[] interval(Method method, double confidence) {
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        if (domainClusters < 2) return new double[] {0, 1};
        double t = TDistribution.of(degreesOfFreedom()).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return method.interval(estimate, standardError, t);
    }

    /**
     * Estimates the weighted mean of {@code y} over the rows with a finite {@code y}.
     *
     * @param y        the values; a NaN row is out of the domain but its cluster still counts (domain
     *                 estimation, as {@code svymean(na.rm = TRUE)} keeps the dropped rows' clusters)
     * @param weights  sampling weights, positive
     * @param cluster  cluster of each row, 0-based
     */
    public static ClusterMean of(double[] y, double[] weights, int[] cluster) {
        if (y.length != weights.length || y.length != cluster.length)
            throw new IllegalArgumentException("y, weights and cluster must have one entry per row, got " + y.length
                    + ", " + weights.length + ", " + cluster.length);
        int groups = 0;
        for (int i = 0; i < y.length; i++) {
            if (cluster[i] < 0) throw new IllegalArgumentException("row " + i + " has a negative cluster index");
            if (!(weights[i] > 0))
                throw new IllegalArgumentException("row " + i + " has a weight that is not positive");
            groups = Math.max(groups, cluster[i] + 1);
        }
        double sw = 0;
        double swy = 0;
        long n = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) continue;
            sw += weights[i];
            swy += weights[i] * y[i];
            n++;
        }
        if (n == 0) throw new IllegalArgumentException("no row has a value");
        double mean = swy / sw;
        double[] total = new double[groups];
        boolean[] seen = new boolean[groups];
        boolean[] inDomain = new boolean[groups];
        for (int i = 0; i < y.length; i++) {
            seen[cluster[i]] = true;
            if (!Double.isNaN(y[i])) {
                total[cluster[i]] += weights[i] * (y[i] - mean) / sw;
                inDomain[cluster[i]] = true;
            }
        }
        int g = 0;
        int d = 0;
        double sum = 0;
        for (int k = 0; k < groups; k++) {
            if (seen[k]) {
                g++;
                sum += total[k];
            }
            if (inDomain[k]) d++;
        }
        double zbar = sum / g;
        double ss = 0;
        for (int k = 0; k < groups; k++) {
            if (seen[k]) ss += (total[k] - zbar) * (total[k] - zbar);
        }
        double var = g > 1 ? ss * g / (g - 1) : Double.NaN;
        return new ClusterMean(mean, Math.sqrt(var), g, d, n);
    }

    /** A 0/1 variable as doubles, with {@code missing} rows NaN. */
    public static double[] indicator(int[] codes) {
        double[] y = new double[codes.length];
        Arrays.setAll(y, i -> codes[i] == 1 ? 1 : codes[i] == 0 ? 0 : Double.NaN);
        return y;
    }
}
