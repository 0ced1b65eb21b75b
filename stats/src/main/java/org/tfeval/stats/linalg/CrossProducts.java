package org.tfeval.stats.linalg;

/**
 * Weighted cross-product kernels on a row block of a column-major design {@code x[j][i]}. The Gram
 * matrix is packed lower-triangular row by row: element (a, b), b <= a, at {@code a(a+1)/2 + b}.
 * Dot products use four independent accumulators so the JIT can overlap the multiply-adds.
 */
public final class CrossProducts {

    private CrossProducts() {}

    /** Length of a packed lower triangle for {@code p} columns. */
    public static int packedSize(int p) {
        return p * (p + 1) / 2;
    }

    /**
     * Adds {@code sum_i w_i x_ai x_bi} over rows {@code from..to} into {@code gram} (packed), and
     * {@code sum_i w_i x_ai z_i} into {@code xwz} when it is not null. {@code scratch} must hold at least
     * {@code to - from} doubles.
     */
    public static void addWeighted(
            double[][] x, double[] w, double[] z, int from, int to, double[] gram, double[] xwz, double[] scratch) {
        int p = x.length;
        int len = to - from;
        for (int a = 0; a < p; a++) {
            double[] xa = x[a];
            for (int i = 0; i < len; i++) {
                scratch[i] = w[from + i] * xa[from + i];
            }
            int base = a * (a + 1) / 2;
            for (int b = 0; b <= a; b++) {
                gram[base + b] += dot(scratch, x[b], from, len);
            }
            if (xwz != null) {
                xwz[a] += dot(scratch, z, from, len);
            }
        }
    }

    /**
     * As {@link #addWeighted} without {@code z}, but with weights indexed from 0 for the block:
     * {@code wLocal[i]} belongs to row {@code from + i}.
     */
    public static void addWeightedLocal(
            double[][] x, double[] wLocal, int from, int to, double[] gram, double[] scratch) {
        int p = x.length;
        int len = to - from;
        for (int a = 0; a < p; a++) {
            double[] xa = x[a];
            for (int i = 0; i < len; i++) {
                scratch[i] = wLocal[i] * xa[from + i];
            }
            int base = a * (a + 1) / 2;
            for (int b = 0; b <= a; b++) {
                gram[base + b] += dot(scratch, x[b], from, len);
            }
        }
    }

    /** {@code sum_i s[i] * v[off + i]} for i in 0..len, with four accumulators. */
    public static double dot(double[] s, double[] v, int off, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += s[i] * v[off + i];
            s1 += s[i + 1] * v[off + i + 1];
            s2 += s[i + 2] * v[off + i + 2];
            s3 += s[i + 3] * v[off + i + 3];
        }
        for (; i < len; i++) {
            s0 += s[i] * v[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code sum_i x[a][i] * v[i]} over rows {@code from..to}, four accumulators. */
    public static double dotRange(double[] a, double[] v, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] * v[i];
            s1 += a[i + 1] * v[i + 1];
            s2 += a[i + 2] * v[i + 2];
            s3 += a[i + 3] * v[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Linear predictor on a block: {@code eta[i] = offset[i] + sum_j x[j][i] beta[j]} (offset nullable). */
    public static void linearPredictor(double[][] x, double[] beta, double[] offset, int from, int to, double[] eta) {
        if (offset == null) {
            java.util.Arrays.fill(eta, from, to, 0.0);
        } else {
            System.arraycopy(offset, from, eta, from, to - from);
        }
        for (int j = 0; j < x.length; j++) {
            double bj = beta[j];
            if (bj == 0.0) {
                continue;
            }
            double[] xj = x[j];
            for (int i = from; i < to; i++) {
                eta[i] += xj[i] * bj;
            }
        }
    }

    /** Unpacks a packed lower triangle into a full symmetric matrix. */
    public static double[][] unpack(double[] packed, int p) {
        double[][] m = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double v = packed[a * (a + 1) / 2 + b];
                m[a][b] = v;
                m[b][a] = v;
            }
        }
        return m;
    }
}
