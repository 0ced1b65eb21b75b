package org.tfeval.stats.mixed;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gauss-Hermite rule for the standard normal density ({@code integral f(z) phi(z) dz ~ sum w_k f(z_k)}),
 * by the Golub-Welsch method: nodes are the eigenvalues of the Jacobi matrix of the probabilists'
 * Hermite polynomials (off-diagonal {@code sqrt(k)}), weights the squared first components of the unit
 * eigenvectors. Same rule as {@code lme4::GHrule}. Nodes ascending.
 */
record GaussHermite(double[] nodes, double[] weights) {

    static GaussHermite of(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("quadrature needs at least 1 point, got " + points);
        }
        if (points == 1) {
            return new GaussHermite(new double[] {0.0}, new double[] {1.0});
        }
        DMatrixRMaj j = new DMatrixRMaj(points, points);
        for (int k = 1; k < points; k++) {
            double b = Math.sqrt(k);
            j.set(k - 1, k, b);
            j.set(k, k - 1, b);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(points, true, true);
        if (!eig.decompose(j)) {
            throw new IllegalStateException("eigen-decomposition of the Jacobi matrix failed");
        }
        double[][] pairs = new double[points][2];
        for (int k = 0; k < points; k++) {
            DMatrixRMaj v = eig.getEigenVector(k);
            double norm2 = 0;
            for (int i = 0; i < points; i++) {
                norm2 += v.data[i] * v.data[i];
            }
            pairs[k][0] = eig.getEigenvalue(k).getReal();
            pairs[k][1] = v.data[0] * v.data[0] / norm2;
        }
        java.util.Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
        double[] z = new double[points];
        double[] w = new double[points];
        double total = 0;
        for (int k = 0; k < points; k++) {
            z[k] = pairs[k][0];
            w[k] = pairs[k][1];
            total += w[k];
        }
        // symmetrise (the rule is symmetric about 0) and normalise to total mass 1
        for (int k = 0; k < points / 2; k++) {
            int m = points - 1 - k;
            double zz = 0.5 * (z[m] - z[k]);
            double ww = 0.5 * (w[k] + w[m]);
            z[k] = -zz;
            z[m] = zz;
            w[k] = ww;
            w[m] = ww;
        }
        if (points % 2 == 1) {
            z[points / 2] = 0.0;
        }
        total = 0;
        for (double v : w) {
            total += v;
        }
        for (int k = 0; k < points; k++) {
            w[k] /= total;
        }
        return new GaussHermite(z, w);
    }
}
