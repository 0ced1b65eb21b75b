package org.tfeval.stats.design;

/**
 * Powers {@code x^k} in double-double arithmetic: {@code hi + lo} with about 32 significant digits.
 * Raw polynomial designs (NIST Filip, Wampler) lose 7 digits if {@code x^k} is rounded to double before
 * the fit, so the rounding error is kept as a separate low-order column.
 */
final class ExactPowers {

    private ExactPowers() {}

    /** Writes hi and lo of {@code x^k} to {@code out[0]}, {@code out[1]}. */
    static void power(double x, int k, double[] out) {
        double hi = x;
        double lo = 0.0;
        for (int i = 1; i < k; i++) {
            double p = hi * x;
            double e = Math.fma(hi, x, -p) + lo * x;
            double s = p + e;
            lo = e - (s - p);
            hi = s;
        }
        out[0] = hi;
        out[1] = lo;
    }
}
