package org.tfeval.stats.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Cholesky factorisation of a symmetric positive-definite matrix (EJML), after symmetric diagonal
 * scaling so that badly scaled columns (an intercept next to a count in the thousands) do not cost
 * accuracy. Immutable once built.
 */
public final class SymmetricSolver {

    private final int p;
    private final double[] scale;
    private final DMatrixRMaj factor;
    private final double logDeterminant;

    private SymmetricSolver(int p, double[] scale, DMatrixRMaj factor, double logDeterminant) {
        this.p = p;
        this.scale = scale;
        this.factor = factor;
        this.logDeterminant = logDeterminant;
    }

    /**
     * Factorises {@code a} (full symmetric p x p). Returns null when it is not numerically positive
     * definite.
     */
    public static SymmetricSolver factor(double[][] a) {
        int p = a.length;
        double[] scale = new double[p];
        double logDetScale = 0;
        for (int j = 0; j < p; j++) {
            if (!(a[j][j] > 0) || !Double.isFinite(a[j][j])) {
                return null;
            }
            scale[j] = 1.0 / Math.sqrt(a[j][j]);
            logDetScale += Math.log(a[j][j]);
        }
        DMatrixRMaj m = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m.unsafe_set(i, j, a[i][j] * scale[i] * scale[j]);
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(p, true);
        if (!chol.decompose(m)) {
            return null;
        }
        DMatrixRMaj l = chol.getT(null);
        double logDet = logDetScale;
        for (int j = 0; j < p; j++) {
            double d = l.get(j, j);
            if (!(d > 0) || !Double.isFinite(d)) {
                return null;
            }
            logDet += 2 * Math.log(d);
        }
        return new SymmetricSolver(p, scale, l, logDet);
    }

    /** Solves {@code A x = b}. */
    public double[] solve(double[] b) {
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            v[i] = b[i] * scale[i];
        }
        TriangularSolver_DDRM.solveL(factor.data, v, p);
        TriangularSolver_DDRM.solveTranL(factor.data, v, p);
        for (int i = 0; i < p; i++) {
            v[i] *= scale[i];
        }
        return v;
    }

    /** {@code A^-1} as a full matrix. */
    public double[][] inverse() {
        DMatrixRMaj linv = factor.copy();
        TriangularSolver_DDRM.invertLower(linv.data, p);
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(linv, linv, inv);
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i][j] = inv.get(i, j) * scale[i] * scale[j];
            }
        }
        // enforce exact symmetry
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (out[i][j] + out[j][i]);
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }

    /** {@code log det A}. */
    public double logDeterminant() {
        return logDeterminant;
    }

    /** Dimension. */
    public int size() {
        return p;
    }

    /** Full symmetric matrix from a packed lower triangle, then factorised; null if not positive definite. */
    public static SymmetricSolver factorPacked(double[] packed, int p) {
        return factor(CrossProducts.unpack(packed, p));
    }

    /** {@code A B} for small dense matrices. */
    public static double[][] multiply(double[][] a, double[][] b) {
        DMatrixRMaj ma = new DMatrixRMaj(a);
        DMatrixRMaj mb = new DMatrixRMaj(b);
        DMatrixRMaj c = new DMatrixRMaj(a.length, b[0].length);
        CommonOps_DDRM.mult(ma, mb, c);
        double[][] out = new double[c.numRows][c.numCols];
        for (int i = 0; i < c.numRows; i++) {
            for (int j = 0; j < c.numCols; j++) {
                out[i][j] = c.get(i, j);
            }
        }
        return out;
    }
}
