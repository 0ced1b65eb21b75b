package org.tfeval.stats.agreement;

import java.util.Objects;

/**
 * Krippendorff's alpha, {@code 1 - Do / De}, from the coincidence matrix (Krippendorff 2011): each unit
 * coded by {@code m_u >= 2} coders adds {@code 1 / (m_u - 1)} for every ordered pair of its values; units
 * with fewer than 2 values drop out; {@code Do = sum o_ck d^2(c, k) / n},
 * {@code De = sum n_c n_k d^2(c, k) / (n (n - 1))}, {@code n} the number of pairable values.
 */
public record KrippendorffAlpha(
        double alpha,
        double observedDisagreement,
        double expectedDisagreement,
        double pairableValues,
        int pairableUnits,
        double[][] coincidences) {

    /** Alpha at a measurement level. Interval and ratio levels need numeric codes. */
    public static KrippendorffAlpha of(CodingTable data, MeasurementLevel level) {
        Objects.requireNonNull(level, "level");
        if (level.needsNumbers() && data.numericValues() == null) {
            throw new IllegalArgumentException(level + " alpha needs numeric codes");
        }
        double[][] o = coincidences(data);
        double[] totals = totals(o);
        int k = o.length;
        double[][] d2 = new double[k][k];
        double[] values = data.numericValues() != null ? data.numericValues() : new double[k];
        for (int c = 0; c < k; c++) {
            for (int e = 0; e < k; e++) {
                d2[c][e] = level.distance(c, e, values, totals);
            }
        }
        return compute(data, o, d2);
    }

    /** Alpha with a given squared-distance matrix over the categories (e.g. partial credit). */
    public static KrippendorffAlpha of(CodingTable data, double[][] distance) {
        return compute(data, coincidences(data), distance);
    }

    private static KrippendorffAlpha compute(CodingTable data, double[][] o, double[][] d2) {
        double[] totals = totals(o);
        double n = 0;
        for (double v : totals) {
            n += v;
        }
        int k = o.length;
        double dObs = 0;
        double dExp = 0;
        for (int c = 0; c < k; c++) {
            for (int e = 0; e < k; e++) {
                dObs += o[c][e] * d2[c][e];
                dExp += totals[c] * totals[e] * d2[c][e];
            }
        }
        dObs /= n;
        dExp /= n * (n - 1);
        int units = 0;
        for (int u = 0; u < data.units(); u++) {
            if (coded(data, u) >= 2) {
                units++;
            }
        }
        return new KrippendorffAlpha(1 - dObs / dExp, dObs, dExp, n, units, o);
    }

    private static double[][] coincidences(CodingTable data) {
        int k = data.categories().size();
        double[][] o = new double[k][k];
        int coders = data.codes().length;
        for (int u = 0; u < data.units(); u++) {
            int m = coded(data, u);
            if (m < 2) {
                continue;
            }
            for (int a = 0; a < coders; a++) {
                int ca = data.codes()[a][u];
                if (ca < 0) {
                    continue;
                }
                for (int b = 0; b < coders; b++) {
                    int cb = data.codes()[b][u];
                    if (b != a && cb >= 0) {
                        o[ca][cb] += 1.0 / (m - 1);
                    }
                }
            }
        }
        return o;
    }

    private static int coded(CodingTable data, int u) {
        int m = 0;
        for (int[] coder : data.codes()) {
            if (coder[u] >= 0) {
                m++;
            }
        }
        return m;
    }

    private static double[] totals(double[][] o) {
        double[] t = new double[o.length];
        for (int c = 0; c < o.length; c++) {
            for (double v : o[c]) {
                t[c] += v;
            }
        }
        return t;
    }
}
