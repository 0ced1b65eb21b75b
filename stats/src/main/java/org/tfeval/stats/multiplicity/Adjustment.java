package org.tfeval.stats.multiplicity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A p-value adjustment for a family of tests, as R {@code p.adjust(p, method)}. NaN entries (tests not
 * done) are left NaN and do not count in the family size, as {@code p.adjust} treats {@code NA}.
 */
public enum Adjustment {
    /** Holm (1979) step-down: controls the family-wise error rate; R {@code "holm"}. */
    HOLM("Holm") {
        @Override
        double[] adjustSorted(double[] p) {
            int m = p.length;
            double[] out = new double[m];
            double running = 0;
            for (int i = 0; i < m; i++) {
                running = Math.max(running, Math.min(1, (m - i) * p[i]));
                out[i] = running;
            }
            return out;
        }
    },
    /** Benjamini and Hochberg (1995) step-up: controls the false discovery rate; R {@code "BH"}. */
    BENJAMINI_HOCHBERG("Benjamini-Hochberg") {
        @Override
        double[] adjustSorted(double[] p) {
            int m = p.length;
            double[] out = new double[m];
            double running = 1;
            for (int i = m - 1; i >= 0; i--) {
                running = Math.min(running, Math.min(1, (double) m / (i + 1) * p[i]));
                out[i] = running;
            }
            return out;
        }
    };

    private final String label;

    Adjustment(String label) {
        this.label = label;
    }

    /** The method's name for tables and notes. */
    public String label() {
        return label;
    }

    abstract double[] adjustSorted(double[] ascending);

    /** The adjusted p-values, in the order of {@code p}. */
    public double[] adjust(double[] p) {
        for (double v : p) {
            if (!Double.isNaN(v) && (v < 0 || v > 1))
                throw new IllegalArgumentException("a p-value must lie in [0, 1], got " + v);
        }
        int[] order = IntStream.range(0, p.length)
                .filter(i -> !Double.isNaN(p[i]))
                .boxed()
                .sorted(Comparator.comparingDouble(i -> p[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        double[] sorted = new double[order.length];
        for (int k = 0; k < order.length; k++) sorted[k] = p[order[k]];
        double[] adj = adjustSorted(sorted);
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        for (int k = 0; k < order.length; k++) out[order[k]] = adj[k];
        return out;
    }
}
