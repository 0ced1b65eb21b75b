package org.tfeval.stats.regression;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.design.Collinearity;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.linalg.RowBlocks;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;

/**
 * Ordinary least squares to NIST StRD accuracy. A Householder QR of the design (EJML, double precision)
 * gives a starting solution and a preconditioner {@code R'R ~ X'X}; the normal equations are then
 * refined with {@code X'X} and {@code X'y} accumulated in double-double arithmetic (including the
 * low-order parts of polynomial columns), for both the coefficients and the inverse {@code (X'X)^-1}.
 * Each refinement step gains about {@code -log10(cond(X) eps)} digits, so even Filip (scaled condition
 * number 5e9) reaches full double precision in a few steps. Inference uses t on {@code n - p} df.
 */
public final class LinearRegression {

    /**
     * A column is aliased when {@code |R_jj| / ||x_j||} falls below this. Exact dependence gives about
     * 1e-15; NIST Filip's last column, legitimately estimable, has 5e-8 (R's {@code lm} default 1e-7 drops
     * it), so 1e-10 separates the two.
     */
    public static final double ALIASING_TOLERANCE = 1e-10;

    /** Refinement stops when a correction is below this fraction of the coefficient's size. */
    public static final double REFINEMENT_TOLERANCE = 1e-17;

    /**
     * Refinement also stops once a correction is not at least this much smaller than the one before: the
     * corrections have reached the accuracy of the double-double residuals (Filip: about 1e-13).
     */
    public static final double STAGNATION_RATIO = 0.5;

    /** Upper bound on refinement steps (Filip needs about 4). */
    public static final int MAX_REFINEMENT_STEPS = 30;

    /**
     * A residual no larger than this many units of double rounding of the terms that form it ({@code |y_i|
     * + sum |x_ij b_j|}) is below the precision of the data and counts as zero, so exact fits (NIST
     * Wampler1 and 2) report a residual SD of 0 and an infinite F, as certified.
     */
    public static final double DATA_ROUNDING_ULPS = 8;

    /** Default confidence level for intervals. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final double confidence;

    private LinearRegression(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        this.confidence = confidence;
    }

    /** OLS with 95% intervals. */
    public static LinearRegression create() {
        return new LinearRegression(DEFAULT_CONFIDENCE);
    }

    /** A copy with another confidence level. */
    public LinearRegression withConfidence(double level) {
        return new LinearRegression(level);
    }

    public double confidence() {
        return confidence;
    }

    /** Fits the design; a singular design throws {@link InvalidInputException} naming aliased terms. */
    public LinearFit fit(Design design) {
        design.requireNoOffset("linear regression");
        int n = design.rows();
        int p = design.columnCount();
        if (n <= p) {
            throw new InvalidInputException(InputViolation.ofData(
                    InputViolation.TOO_FEW_ROWS, "OLS needs more rows (" + n + ") than coefficients (" + p + ")"));
        }
        double[][] x = design.columns();
        double[] y = design.y();

        // 1. Householder QR of the double-precision design: aliasing check and preconditioner R.
        DMatrixRMaj a = new DMatrixRMaj(n, p);
        for (int j = 0; j < p; j++) {
            double[] c = x[j];
            for (int i = 0; i < n; i++) {
                a.data[i * p + j] = c[i];
            }
        }
        QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();
        if (!qr.decompose(a)) {
            throw new IllegalStateException("QR decomposition failed");
        }
        DMatrixRMaj r = qr.getR(null, true);
        List<Integer> aliased = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm = Math.hypot(norm, x[j][i]);
            }
            if (!(norm > 0) || Math.abs(r.get(j, j)) <= ALIASING_TOLERANCE * norm) {
                aliased.add(j);
            }
        }
        Collinearity.requireFullRank(aliased, design.columnNames());
        DMatrixRMaj lower = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                lower.data[i * p + j] = r.get(j, i);
            }
        }

        // 2. X'X and X'y in double-double, block-parallel, merged in block order.
        Gram gram = Gram.of(design);

        // 3. Refine the coefficients: b += (R'R)^-1 (X'y - X'X b).
        double[] bHi = preconditioned(lower, gram.xtyHi(), p);
        double[] bLo = new double[p];
        int steps = 0;
        double previous = Double.POSITIVE_INFINITY;
        while (steps < MAX_REFINEMENT_STEPS) {
            double[] g = gram.residualOfSystem(bHi, bLo);
            double[] d = preconditioned(lower, g, p);
            steps++;
            double largest = 0;
            for (int j = 0; j < p; j++) {
                double s = bHi[j] + d[j];
                double e = (d[j] - (s - bHi[j])) + bLo[j];
                bHi[j] = s + e;
                bLo[j] = e - (bHi[j] - s);
                largest = Math.max(largest, Math.abs(d[j]) / Math.max(Math.abs(bHi[j]), Double.MIN_NORMAL));
            }
            if (largest < REFINEMENT_TOLERANCE || largest > STAGNATION_RATIO * previous) {
                break;
            }
            previous = largest;
        }

        // 4. Refine (X'X)^-1 column by column the same way.
        double[][] inv = new double[p][p];
        for (int k = 0; k < p; k++) {
            double[] e = new double[p];
            e[k] = 1.0;
            double[] zHi = preconditioned(lower, e, p);
            double[] zLo = new double[p];
            double prev = Double.POSITIVE_INFINITY;
            for (int s = 0; s < MAX_REFINEMENT_STEPS; s++) {
                double[] res = gram.residualOfUnit(k, zHi, zLo);
                double[] d = preconditioned(lower, res, p);
                double largest = 0;
                for (int j = 0; j < p; j++) {
                    double t = zHi[j] + d[j];
                    double err = (d[j] - (t - zHi[j])) + zLo[j];
                    zHi[j] = t + err;
                    zLo[j] = err - (zHi[j] - t);
                    largest = Math.max(largest, Math.abs(d[j]) / Math.max(Math.abs(zHi[j]), Double.MIN_NORMAL));
                }
                if (largest < REFINEMENT_TOLERANCE || largest > STAGNATION_RATIO * prev) {
                    break;
                }
                prev = largest;
            }
            for (int j = 0; j < p; j++) {
                inv[j][k] = zHi[j];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }

        // 5. Residual and total sums of squares in double-double.
        double sse = gram.residualSumOfSquares(bHi, bLo);
        double sst = gram.totalSumOfSquares(design.hasIntercept());
        int dfResidual = n - p;
        int dfModel = design.hasIntercept() ? p - 1 : p;
        double sigma2 = sse / dfResidual;
        double[][] cov = new double[p][p];
        List<Coefficient> coefs = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                cov[i][j] = sigma2 * inv[i][j];
            }
        }
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(Math.max(cov[j][j], 0));
            coefs.add(Coefficient.t(design.columnNames().get(j), bHi[j], se, dfResidual, confidence));
        }
        double ssr = sst - sse;
        double msr = dfModel > 0 ? ssr / dfModel : Double.NaN;
        double f = sigma2 > 0 ? msr / sigma2 : Double.POSITIVE_INFINITY;
        double loglik = sse > 0 ? -0.5 * n * (Math.log(2 * Math.PI * sse / n) + 1) : Double.POSITIVE_INFINITY;
        List<FitWarning> warnings = new ArrayList<>();
        if (design.droppedRows() > 0) {
            warnings.add(new FitWarning(
                    FitWarning.ROWS_DROPPED, design.droppedRows() + " rows with missing values were left out"));
        }
        return new LinearFit(
                design.columnNames(),
                bHi,
                cov,
                coefs,
                Math.sqrt(sigma2),
                1 - sse / sst,
                sse,
                ssr,
                dfModel,
                dfResidual,
                f,
                loglik,
                n,
                steps,
                confidence,
                warnings);
    }

    /** Solves {@code R'R d = g} with the lower factor {@code L = R'}. */
    private static double[] preconditioned(DMatrixRMaj lower, double[] g, int p) {
        double[] v = g.clone();
        TriangularSolver_DDRM.solveL(lower.data, v, p);
        TriangularSolver_DDRM.solveTranL(lower.data, v, p);
        return v;
    }

    /** {@code X'X}, {@code X'y}, {@code y'y} and the data, for double-double residual computations. */
    private record Gram(Design design, double[][] hi, double[][] lo, double[] xtyHi, double[] xtyLo) {

        static Gram of(Design d) {
            int p = d.columnCount();
            int n = d.rows();
            double[] y = d.y();
            List<double[][]> parts = RowBlocks.map(n, (from, to) -> {
                DdSum acc = new DdSum();
                double[][] out = new double[p * (p + 1) / 2 + p][2];
                int k = 0;
                for (int a = 0; a < p; a++) {
                    double[] xa = d.column(a);
                    double[] la = d.lowPart(a);
                    for (int b = 0; b <= a; b++) {
                        double[] xb = d.column(b);
                        double[] lb = d.lowPart(b);
                        acc.reset();
                        for (int i = from; i < to; i++) {
                            acc.addProduct(xa[i], la == null ? 0 : la[i], xb[i], lb == null ? 0 : lb[i]);
                        }
                        out[k][0] = acc.hi();
                        out[k][1] = acc.lo();
                        k++;
                    }
                    acc.reset();
                    for (int i = from; i < to; i++) {
                        acc.addProduct(xa[i], la == null ? 0 : la[i], y[i], 0);
                    }
                    out[k][0] = acc.hi();
                    out[k][1] = acc.lo();
                    k++;
                }
                return out;
            });
            DdSum[] total = new DdSum[p * (p + 1) / 2 + p];
            for (int k = 0; k < total.length; k++) {
                total[k] = new DdSum();
            }
            for (double[][] part : parts) {
                for (int k = 0; k < total.length; k++) {
                    total[k].add(part[k][0], part[k][1]);
                }
            }
            double[][] hi = new double[p][p];
            double[][] lo = new double[p][p];
            double[] xtyHi = new double[p];
            double[] xtyLo = new double[p];
            int k = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    hi[a][b] = total[k].hi();
                    lo[a][b] = total[k].lo();
                    hi[b][a] = hi[a][b];
                    lo[b][a] = lo[a][b];
                    k++;
                }
                xtyHi[a] = total[k].hi();
                xtyLo[a] = total[k].lo();
                k++;
            }
            return new Gram(d, hi, lo, xtyHi, xtyLo);
        }

        /** {@code X'y - X'X b} in double-double, rounded to double. */
        double[] residualOfSystem(double[] bHi, double[] bLo) {
            int p = bHi.length;
            double[] g = new double[p];
            DdSum acc = new DdSum();
            for (int a = 0; a < p; a++) {
                acc.reset();
                acc.add(xtyHi[a], xtyLo[a]);
                for (int b = 0; b < p; b++) {
                    acc.addProduct(-hi[a][b], -lo[a][b], bHi[b], bLo[b]);
                }
                g[a] = acc.value();
            }
            return g;
        }

        /** {@code e_k - X'X z} in double-double, rounded to double. */
        double[] residualOfUnit(int k, double[] zHi, double[] zLo) {
            int p = zHi.length;
            double[] g = new double[p];
            DdSum acc = new DdSum();
            for (int a = 0; a < p; a++) {
                acc.reset();
                if (a == k) {
                    acc.add(1.0);
                }
                for (int b = 0; b < p; b++) {
                    acc.addProduct(-hi[a][b], -lo[a][b], zHi[b], zLo[b]);
                }
                g[a] = acc.value();
            }
            return g;
        }

        /** {@code sum (y - X b)^2} with each residual formed in double-double. */
        double residualSumOfSquares(double[] bHi, double[] bLo) {
            int p = bHi.length;
            double[] y = design.y();
            List<double[]> parts = RowBlocks.map(design.rows(), (from, to) -> {
                DdSum r = new DdSum();
                DdSum ss = new DdSum();
                for (int i = from; i < to; i++) {
                    r.reset();
                    r.add(y[i]);
                    double size = Math.abs(y[i]);
                    for (int j = 0; j < p; j++) {
                        double[] lj = design.lowPart(j);
                        double xij = design.column(j)[i];
                        r.addProduct(-xij, lj == null ? 0 : -lj[i], bHi[j], bLo[j]);
                        size += Math.abs(xij * bHi[j]);
                    }
                    double ri = r.value();
                    if (Math.abs(ri) <= DATA_ROUNDING_ULPS * 0x1p-53 * size) {
                        ri = 0;
                    }
                    ss.addProduct(ri, 0, ri, 0);
                }
                return new double[] {ss.hi(), ss.lo()};
            });
            DdSum total = new DdSum();
            for (double[] part : parts) {
                total.add(part[0], part[1]);
            }
            return total.value();
        }

        /** {@code sum (y - ybar)^2}, or {@code sum y^2} without an intercept. */
        double totalSumOfSquares(boolean centred) {
            double[] y = design.y();
            int n = y.length;
            DdSum sum = new DdSum();
            for (double v : y) {
                sum.add(v);
            }
            double meanHi = centred ? sum.value() / n : 0.0;
            // mean in double-double: correct meanHi by the remaining residual
            double meanLo = 0;
            if (centred) {
                DdSum rem = new DdSum();
                rem.add(sum.hi(), sum.lo());
                rem.addProduct(-meanHi, 0, n, 0);
                meanLo = rem.value() / n;
            }
            DdSum ss = new DdSum();
            DdSum dev = new DdSum();
            for (double v : y) {
                dev.reset();
                dev.add(v);
                dev.add(-meanHi, -meanLo);
                double d = dev.value();
                ss.addProduct(d, 0, d, 0);
            }
            return ss.value();
        }
    }
}
