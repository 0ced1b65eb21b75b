package org.tfeval.stats.agreement;

/**
 * Krippendorff's metric differences {@code d^2(c, k)} between values (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability", section C). Values are indexed in ascending order; {@code totals}
 * are the value totals {@code n_g} of the coincidence matrix (needed by the ordinal metric).
 */
public enum MeasurementLevel {

    /** 0 when equal, 1 otherwise. */
    NOMINAL {
        @Override
        double distance(int c, int k, double[] values, double[] totals) {
            return c == k ? 0.0 : 1.0;
        }
    },

    /** {@code (sum_{g = c..k} n_g - (n_c + n_k) / 2)^2}. */
    ORDINAL {
        @Override
        double distance(int c, int k, double[] values, double[] totals) {
            if (c == k) {
                return 0.0;
            }
            int lo = Math.min(c, k);
            int hi = Math.max(c, k);
            double s = 0;
            for (int g = lo; g <= hi; g++) {
                s += totals[g];
            }
            s -= (totals[c] + totals[k]) / 2;
            return s * s;
        }
    },

    /** {@code (c - k)^2}. */
    INTERVAL {
        @Override
        double distance(int c, int k, double[] values, double[] totals) {
            double d = values[c] - values[k];
            return d * d;
        }
    },

    /** {@code ((c - k) / (c + k))^2}. */
    RATIO {
        @Override
        double distance(int c, int k, double[] values, double[] totals) {
            if (c == k) {
                return 0.0;
            }
            double d = (values[c] - values[k]) / (values[c] + values[k]);
            return d * d;
        }
    };

    /** {@code d^2} between the values with indices c and k. */
    abstract double distance(int c, int k, double[] values, double[] totals);

    /** Whether the level needs numeric values (interval, ratio) rather than just an order or labels. */
    public boolean needsNumbers() {
        return this == INTERVAL || this == RATIO;
    }

    /** Parses {@code nominal}, {@code ordinal}, {@code interval} or {@code ratio}. */
    public static MeasurementLevel parse(String text) {
        for (MeasurementLevel m : values()) {
            if (m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "unknown measurement level '" + text + "'; use nominal, ordinal, interval or ratio");
    }
}
