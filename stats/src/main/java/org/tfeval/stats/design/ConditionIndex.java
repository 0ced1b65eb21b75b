package org.tfeval.stats.design;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Belsley, Kuh and Welsch's (1980, ch. 3) condition index of a design: {@code sqrt(lambda_max / lambda_min)}
 * of {@code X'X} after scaling every column of {@code X} (the intercept included, not centred) to unit
 * length, so that units of measurement do not matter. It is the condition number of the scaled X; that of
 * the scaled {@code X'X} is its square.
 */
public final class ConditionIndex {

    /**
     * Warn at a condition index above 30 (condition number of the scaled X'X above 900): Belsley, Kuh and
     * Welsch (1980, p. 105) find that indices of 30 to 100 go with moderate to strong dependencies that
     * degrade the estimates, their standard errors and their interpretation.
     */
    public static final double WARNING_THRESHOLD = 30;

    private ConditionIndex() {}

    /** The condition index of the design's columns; infinite when a column is all zero or X'X is singular. */
    public static double of(Design design) {
        int p = design.columnCount();
        if (p == 0) {
            return 1.0;
        }
        double[][] x = design.columns();
        int n = design.rows();
        double[] norm = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[j][i] * x[j][i];
            }
            norm[j] = Math.sqrt(s);
            if (!(norm[j] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[a][i] * x[b][i];
                }
                s /= norm[a] * norm[b];
                m.set(a, b, s);
                m.set(b, a, s);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, false, true);
        if (!eig.decompose(m)) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < p; k++) {
            double v = eig.getEigenvalue(k).getReal();
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        return min > 0 ? Math.sqrt(max / min) : Double.POSITIVE_INFINITY;
    }
}
