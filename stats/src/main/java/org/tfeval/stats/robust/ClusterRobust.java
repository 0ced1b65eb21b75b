package org.tfeval.stats.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.design.Grouping;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;

/**
 * Cluster-robust covariance of a fitted OLS or canonical GLM. CR0 and CR1 follow {@code sandwich::vcovCL}
 * (CR1 = {@code type = "HC1"}, Stata's factor); CR0/CR1 use t with G - 1 df for OLS, as Stata does, and z
 * for GLMs. CR2 follows {@code clubSandwich::vcovCR(type = "CR2")} literally, including its working-weight
 * metric for GLMs, and {@code coef_test(test = "Satterthwaite")} for the df. Immutable; configured by copy.
 */
public final class ClusterRobust {

    /** Below this many clusters a warning recommends CR2 or the wild cluster bootstrap (Cameron and Miller 2015). */
    public static final int FEW_CLUSTERS = 30;

    /** CR2 forms n_g x n_g matrices per cluster; larger clusters are refused. */
    public static final int CR2_MAX_CLUSTER_ROWS = 5000;

    /** Eigenvalues at or below this are treated as zero in the inverse square root (clubSandwich: 1e-12). */
    public static final double MATRIX_POWER_TOLERANCE = 1e-12;

    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final ClusterCovariance type;
    private final double confidence;

    private ClusterRobust(ClusterCovariance type, double confidence) {
        this.type = Objects.requireNonNull(type, "type");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        this.confidence = confidence;
    }

    /** Estimator of the given type at 95%. */
    public static ClusterRobust of(ClusterCovariance type) {
        return new ClusterRobust(type, DEFAULT_CONFIDENCE);
    }

    public ClusterRobust withConfidence(double level) {
        return new ClusterRobust(type, level);
    }

    public ClusterRobust withType(ClusterCovariance t) {
        return new ClusterRobust(t, confidence);
    }

    public ClusterCovariance type() {
        return type;
    }

    /** Robust covariance and re-inferred coefficients. */
    public RobustFit estimate(SandwichParts parts, Grouping clusters) {
        int g = clusters.count();
        int n = parts.rows();
        int p = parts.columns();
        if (clusters.groupOfRow().length != n) {
            throw new IllegalArgumentException(
                    "clusters cover " + clusters.groupOfRow().length + " rows, model has " + n);
        }
        if (g < 2) {
            throw new InvalidInputException(InputViolation.ofColumn(
                    InputViolation.OUT_OF_RANGE,
                    clusters.column(),
                    "cluster-robust inference needs at least 2 clusters, found " + g));
        }
        int[][] members = clusters.members();
        double[][] m = parts.bread();
        double[][] meat = new double[p][p];
        double[] df = new double[p];
        if (!type.adjustsResiduals()) {
            for (int[] rows : members) {
                double[] s = new double[p];
                for (int i : rows) {
                    double e = parts.residuals()[i];
                    for (int a = 0; a < p; a++) {
                        s[a] += parts.x()[a][i] * e;
                    }
                }
                addOuter(meat, s, s);
            }
            java.util.Arrays.fill(df, parts.normalReference() ? Double.POSITIVE_INFINITY : g - 1);
        } else {
            cr2(parts, members, meat, df);
        }
        double[][] v = sandwich(m, meat, type.smallSampleFactor(n, p, g));
        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            coefs.add(Coefficient.t(
                    parts.terms().get(j), parts.estimates()[j], Math.sqrt(Math.max(v[j][j], 0)), df[j], confidence));
        }
        List<FitWarning> warnings = new ArrayList<>();
        if (g < FEW_CLUSTERS) {
            warnings.add(
                    new FitWarning(
                            FitWarning.FEW_CLUSTERS,
                            "only " + g + " clusters of " + clusters.column()
                                    + (type == ClusterCovariance.CR2
                                            ? "; consider also the wild cluster bootstrap"
                                            : "; " + type
                                                    + " tends to understate uncertainty, prefer CR2 or the wild cluster bootstrap")));
        }
        return new RobustFit(type, clusters.column(), g, coefs, v, warnings);
    }

    private void cr2(SandwichParts parts, int[][] members, double[][] meat, double[] df) {
        int p = parts.columns();
        int g = members.length;
        double[][] m = parts.bread();
        DMatrixRMaj mm = new DMatrixRMaj(m);
        // lower Cholesky factor of M, for the Satterthwaite H matrices
        DMatrixRMaj chol = mm.copy();
        CholeskyDecomposition_F64<DMatrixRMaj> cd = DecompositionFactory_DDRM.chol(p, true);
        if (!cd.decompose(chol)) {
            throw new IllegalStateException("bread matrix is not positive definite");
        }
        DMatrixRMaj lowerM = cd.getT(null);
        double[][] gdiag = new double[p][g];
        double[][][] h = new double[p][g][];
        for (int k = 0; k < g; k++) {
            int[] rows = members[k];
            int ng = rows.length;
            if (ng > CR2_MAX_CLUSTER_ROWS) {
                throw new InvalidInputException(InputViolation.ofData(
                        InputViolation.OUT_OF_RANGE,
                        "CR2 needs an n_g x n_g matrix per cluster; a cluster has " + ng + " rows, more than "
                                + CR2_MAX_CLUSTER_ROWS + "; use CR1 or the wild cluster bootstrap"));
            }
            DMatrixRMaj xg = new DMatrixRMaj(ng, p);
            double[] d = new double[ng];
            double[] e = new double[ng];
            for (int r = 0; r < ng; r++) {
                int i = rows[r];
                d[r] = parts.variance()[i];
                e[r] = parts.residuals()[i];
                for (int a = 0; a < p; a++) {
                    xg.unsafe_set(r, a, parts.x()[a][i]);
                }
            }
            // H = D^1/2 X M X' D^1/2 ; G = D (I - H) D
            DMatrixRMaj xm = new DMatrixRMaj(ng, p);
            CommonOps_DDRM.mult(xg, mm, xm);
            DMatrixRMaj xmx = new DMatrixRMaj(ng, ng);
            CommonOps_DDRM.multTransB(xm, xg, xmx);
            DMatrixRMaj gm = new DMatrixRMaj(ng, ng);
            for (int r = 0; r < ng; r++) {
                for (int c = 0; c < ng; c++) {
                    double hrc = Math.sqrt(d[r]) * xmx.unsafe_get(r, c) * Math.sqrt(d[c]);
                    double ih = (r == c ? 1.0 : 0.0) - hrc;
                    gm.unsafe_set(r, c, d[r] * ih * d[c]);
                }
            }
            DMatrixRMaj ginv = inverseSqrt(gm);
            // A = D^1/2 G^-1/2 D^1/2 ; E = X' A (p x ng) ; c = E e
            DMatrixRMaj a = new DMatrixRMaj(ng, ng);
            for (int r = 0; r < ng; r++) {
                for (int c = 0; c < ng; c++) {
                    a.unsafe_set(r, c, Math.sqrt(d[r]) * ginv.unsafe_get(r, c) * Math.sqrt(d[c]));
                }
            }
            DMatrixRMaj eg = new DMatrixRMaj(p, ng);
            CommonOps_DDRM.multTransA(xg, a, eg);
            double[] comp = new double[p];
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int r = 0; r < ng; r++) {
                    s += eg.unsafe_get(j, r) * e[r];
                }
                comp[j] = s;
            }
            addOuter(meat, comp, comp);
            // Satterthwaite pieces: ME = M E ; Gsat = ME D^1/2 ; H = ME (D X) L
            DMatrixRMaj me = new DMatrixRMaj(p, ng);
            CommonOps_DDRM.mult(mm, eg, me);
            DMatrixRMaj dx = new DMatrixRMaj(ng, p);
            for (int r = 0; r < ng; r++) {
                for (int c = 0; c < p; c++) {
                    dx.unsafe_set(r, c, d[r] * xg.unsafe_get(r, c));
                }
            }
            DMatrixRMaj medx = new DMatrixRMaj(p, p);
            CommonOps_DDRM.mult(me, dx, medx);
            DMatrixRMaj hk = new DMatrixRMaj(p, p);
            CommonOps_DDRM.mult(medx, lowerM, hk);
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int r = 0; r < ng; r++) {
                    double v = me.unsafe_get(j, r) * Math.sqrt(d[r]);
                    s += v * v;
                }
                gdiag[j][k] = s;
                double[] row = new double[p];
                for (int c = 0; c < p; c++) {
                    row[c] = hk.unsafe_get(j, c);
                }
                h[j][k] = row;
            }
        }
        for (int j = 0; j < p; j++) {
            // P = diag(gdiag) - h h' ; E = tr P ; V = 2 sum P^2 ; df = 2 E^2 / V
            double trace = 0;
            double sumSq = 0;
            for (int k = 0; k < g; k++) {
                for (int l = 0; l < g; l++) {
                    double hh = dot(h[j][k], h[j][l]);
                    double pkl = (k == l ? gdiag[j][k] : 0.0) - hh;
                    sumSq += pkl * pkl;
                    if (k == l) {
                        trace += pkl;
                    }
                }
            }
            df[j] = 2 * trace * trace / (2 * sumSq);
        }
    }

    /** Symmetric inverse square root by eigen-decomposition; tiny eigenvalues map to 0 (pseudo-inverse). */
    static DMatrixRMaj inverseSqrt(DMatrixRMaj s) {
        int n = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(s.copy())) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
            double lambda = eig.getEigenvalue(k).getReal();
            if (!(lambda > MATRIX_POWER_TOLERANCE)) {
                continue;
            }
            DMatrixRMaj v = eig.getEigenVector(k);
            double norm2 = 0;
            for (int i = 0; i < n; i++) {
                norm2 += v.data[i] * v.data[i];
            }
            double f = 1 / Math.sqrt(lambda) / norm2;
            for (int i = 0; i < n; i++) {
                double vi = v.data[i] * f;
                for (int j = 0; j < n; j++) {
                    out.data[i * n + j] += vi * v.data[j];
                }
            }
        }
        return out;
    }

    private static double[][] sandwich(double[][] m, double[][] meat, double factor) {
        int p = m.length;
        double[][] t = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int l = 0; l < p; l++) {
                    s += m[i][l] * meat[l][k];
                }
                t[i][k] = s;
            }
        }
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += t[i][k] * m[k][j];
                }
                v[i][j] = s * factor;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (v[i][j] + v[j][i]);
                v[i][j] = s;
                v[j][i] = s;
            }
        }
        return v;
    }

    private static void addOuter(double[][] acc, double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                acc[i][j] += a[i] * b[j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
