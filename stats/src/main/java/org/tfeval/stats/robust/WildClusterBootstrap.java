package org.tfeval.stats.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.Grouping;
import org.tfeval.stats.linalg.SymmetricSolver;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.regression.Family;
import org.tfeval.stats.regression.GeneralizedLinearModel;
import org.tfeval.stats.regression.GlmFit;
import org.tfeval.stats.regression.LinearFit;
import org.tfeval.stats.regression.LinearRegression;

/**
 * Wild cluster bootstrap for inference with few clusters (Cameron, Gelbach and Miller 2008; Roodman,
 * MacKinnon, Nielsen and Webb 2019, "Fast and wild", the algorithms of Stata's {@code boottest}).
 * <ul>
 * <li>OLS: the restricted wild cluster bootstrap (WCR): residuals of the model with {@code H0} imposed are
 * multiplied by one weight per cluster, the model is re-estimated and its CR1 t statistic compared with
 * the original one (symmetric two-sided p-value). Bootstrap coefficients and cluster scores are linear
 * in the weights, so each draw costs O(G^2).</li>
 * <li>Logistic and Poisson: the score bootstrap (Kline and Santos 2012): cluster scores of the restricted
 * model are multiplied by the weights; the statistic is the cluster-robust score (LM) statistic,
 * {@code sum v_g a_g / sqrt(sum v_g^2 a_g^2)} with {@code a_g = e_j' H^-1 S_g}.</li>
 * </ul>
 * Weights: with {@code 2^G <= draws} every Rademacher sign pattern is enumerated (exact bootstrap
 * distribution); otherwise Webb's six-point weights are drawn with the given seed (or the weights
 * chosen by {@link #withWeights}). Intervals invert the bootstrap test (same draws for every null
 * value) by bisection. Immutable; configured by copy.
 */
public final class WildClusterBootstrap {

    /** Default number of bootstrap draws (boottest's default 999, so that p * (B + 1) is whole). */
    public static final int DEFAULT_DRAWS = 999;

    /** Default seed. */
    public static final long DEFAULT_SEED = 20_240_601L;

    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Bisection steps when inverting the test for an interval limit. */
    public static final int INVERSION_STEPS = 60;

    /** The interval search gives up beyond this many CR1 standard errors from the estimate. */
    public static final double INVERSION_RANGE_IN_SE = 50;

    private final int draws;
    private final long seed;
    private final double confidence;
    private final BootstrapWeights forcedWeights;

    private WildClusterBootstrap(int draws, long seed, double confidence, BootstrapWeights forcedWeights) {
        if (draws < 19) {
            throw new IllegalArgumentException("the bootstrap needs at least 19 draws, got " + draws);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        this.draws = draws;
        this.seed = seed;
        this.confidence = confidence;
        this.forcedWeights = forcedWeights;
    }

    /** 999 draws, the default seed, 95%, automatic weights. */
    public static WildClusterBootstrap create() {
        return new WildClusterBootstrap(DEFAULT_DRAWS, DEFAULT_SEED, DEFAULT_CONFIDENCE, null);
    }

    public WildClusterBootstrap withDraws(int b) {
        return new WildClusterBootstrap(b, seed, confidence, forcedWeights);
    }

    public WildClusterBootstrap withSeed(long s) {
        return new WildClusterBootstrap(draws, s, confidence, forcedWeights);
    }

    public WildClusterBootstrap withConfidence(double level) {
        return new WildClusterBootstrap(draws, seed, level, forcedWeights);
    }

    /** Always draw these weights at random (no enumeration). */
    public WildClusterBootstrap withWeights(BootstrapWeights w) {
        return new WildClusterBootstrap(draws, seed, confidence, Objects.requireNonNull(w, "weights"));
    }

    /** Bootstrap inference for every coefficient of an OLS fit. */
    public WildBootstrapFit ols(Design design, Grouping clusters) {
        LinearFit fit = LinearRegression.create().fit(design);
        Plan plan = plan(clusters);
        int p = design.columnCount();
        int n = design.rows();
        double[][] x = design.columns();
        int[][] members = clusters.members();
        int g = members.length;
        double[][] bread = inverseGram(x, null);
        double factor = ClusterCovariance.CR1.smallSampleFactor(n, p, g);
        RobustFit cr1 = ClusterRobust.of(ClusterCovariance.CR1).estimate(SandwichParts.of(design, fit), clusters);
        List<Coefficient> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            final int col = j;
            double est = fit.estimates()[j];
            double se = cr1.coefficients().get(j).stdError();
            java.util.function.DoubleUnaryOperator pv = b0 -> {
                double[] u = restrictedResiduals(design, col, b0);
                double t = (est - b0) / se;
                return olsPValue(x, u, members, bread, col, factor, plan, t);
            };
            double p0 = pv.applyAsDouble(0.0);
            double[] ci = invert(pv, est, se);
            out.add(new Coefficient(design.columnNames().get(j), est, se, ci[0], ci[1], p0, Double.NaN));
        }
        return result("wild cluster bootstrap (WCR, CR1 t)", plan, clusters, out);
    }

    /** Score-bootstrap inference for every coefficient of a logistic or Poisson model. */
    public WildBootstrapFit glm(Design design, Grouping clusters, Family family) {
        GeneralizedLinearModel model = GeneralizedLinearModel.of(family);
        GlmFit fit = model.fit(design);
        Plan plan = plan(clusters);
        int p = design.columnCount();
        int[][] members = clusters.members();
        RobustFit cr1 = ClusterRobust.of(ClusterCovariance.CR1).estimate(SandwichParts.of(design, fit), clusters);
        List<Coefficient> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            final int col = j;
            double est = fit.estimates()[j];
            double se = cr1.coefficients().get(j).stdError();
            java.util.function.DoubleUnaryOperator pv = b0 -> {
                double[] mu = model.constrainedMeans(design, col, b0);
                return mu == null ? Double.NaN : scorePValue(design, family, mu, members, col, plan);
            };
            double p0 = pv.applyAsDouble(0.0);
            double[] ci = invert(pv, est, se);
            out.add(new Coefficient(design.columnNames().get(j), est, se, ci[0], ci[1], p0, Double.NaN));
        }
        return result("wild cluster score bootstrap (Kline-Santos)", plan, clusters, out);
    }

    private WildBootstrapFit result(String method, Plan plan, Grouping clusters, List<Coefficient> out) {
        List<FitWarning> warnings = new ArrayList<>();
        if (plan.enumerated && plan.v.length < 1.0 / (1 - confidence) * 20) {
            warnings.add(new FitWarning(
                    FitWarning.FEW_CLUSTERS,
                    "only " + plan.v.length
                            + " distinct Rademacher sign patterns: p-values are coarse (multiples of 1/" + plan.v.length
                            + "); Webb weights give a finer distribution"));
        }
        return new WildBootstrapFit(
                method,
                plan.weights,
                plan.enumerated,
                plan.v.length,
                seed,
                clusters.column(),
                clusters.count(),
                out,
                warnings);
    }

    /** Weight matrix v[draw][cluster]. */
    private record Plan(BootstrapWeights weights, boolean enumerated, double[][] v) {}

    private Plan plan(Grouping clusters) {
        int g = clusters.count();
        if (g < 2) {
            throw new InvalidInputException(InputViolation.ofColumn(
                    InputViolation.OUT_OF_RANGE,
                    clusters.column(),
                    "the wild cluster bootstrap needs at least 2 clusters, found " + g));
        }
        if (forcedWeights == null && g < 31 && (1L << g) <= draws) {
            int patterns = 1 << g;
            double[][] v = new double[patterns][g];
            for (int b = 0; b < patterns; b++) {
                for (int k = 0; k < g; k++) {
                    v[b][k] = ((b >> k) & 1) == 0 ? 1.0 : -1.0;
                }
            }
            return new Plan(BootstrapWeights.RADEMACHER, true, v);
        }
        BootstrapWeights w = forcedWeights != null ? forcedWeights : BootstrapWeights.WEBB;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] v = new double[draws][g];
        for (int b = 0; b < draws; b++) {
            for (int k = 0; k < g; k++) {
                v[b][k] = w.draw(rng);
            }
        }
        return new Plan(w, false, v);
    }

    /** Residuals of OLS with coefficient j fixed at b0. */
    private static double[] restrictedResiduals(Design design, int j, double b0) {
        double[] y = design.y().clone();
        double[] xj = design.column(j);
        for (int i = 0; i < y.length; i++) {
            y[i] -= b0 * xj[i];
        }
        Design reduced = design.dropColumn(j);
        if (reduced.columnCount() == 0) {
            return y;
        }
        double[][] xr = reduced.columns();
        double[][] inv = inverseGram(xr, null);
        int q = xr.length;
        double[] xty = new double[q];
        for (int a = 0; a < q; a++) {
            for (int i = 0; i < y.length; i++) {
                xty[a] += xr[a][i] * y[i];
            }
        }
        double[] b = new double[q];
        for (int a = 0; a < q; a++) {
            for (int c = 0; c < q; c++) {
                b[a] += inv[a][c] * xty[c];
            }
        }
        double[] u = y.clone();
        for (int a = 0; a < q; a++) {
            for (int i = 0; i < u.length; i++) {
                u[i] -= xr[a][i] * b[a];
            }
        }
        return u;
    }

    private static double olsPValue(
            double[][] x, double[] u, int[][] members, double[][] bread, int j, double factor, Plan plan, double tObs) {
        int p = x.length;
        int g = members.length;
        double[] q = bread[j];
        double[][] a = new double[g][];
        double[][] d = new double[g][];
        double[][] mq = new double[g][];
        for (int k = 0; k < g; k++) {
            d[k] = new double[p];
            double[][] m = new double[p][p];
            for (int i : members[k]) {
                for (int r = 0; r < p; r++) {
                    d[k][r] += x[r][i] * u[i];
                    for (int c = 0; c <= r; c++) {
                        m[r][c] += x[r][i] * x[c][i];
                    }
                }
            }
            for (int r = 0; r < p; r++) {
                for (int c = r + 1; c < p; c++) {
                    m[r][c] = m[c][r];
                }
            }
            a[k] = multiply(bread, d[k]);
            mq[k] = multiply(m, q);
        }
        double[] alpha = new double[g];
        double[][] bmat = new double[g][g];
        double[] aj = new double[g];
        for (int h = 0; h < g; h++) {
            alpha[h] = dot(q, d[h]);
            aj[h] = a[h][j];
            for (int k = 0; k < g; k++) {
                bmat[h][k] = dot(mq[h], a[k]);
            }
        }
        int exceed = 0;
        for (double[] v : plan.v) {
            double num = 0;
            for (int k = 0; k < g; k++) {
                num += v[k] * aj[k];
            }
            double var = 0;
            for (int h = 0; h < g; h++) {
                double s = v[h] * alpha[h];
                for (int k = 0; k < g; k++) {
                    s -= bmat[h][k] * v[k];
                }
                var += s * s;
            }
            double t = num / Math.sqrt(factor * var);
            if (Math.abs(t) >= Math.abs(tObs) * (1 - 1e-12)) {
                exceed++;
            }
        }
        return (double) exceed / plan.v.length;
    }

    private static double scorePValue(Design design, Family family, double[] mu, int[][] members, int j, Plan plan) {
        double[][] x = design.columns();
        int p = x.length;
        double[] w = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            w[i] = family.variance(mu[i]);
        }
        double[][] hinv = inverseGram(x, w);
        double[] q = hinv[j];
        int g = members.length;
        double[] alpha = new double[g];
        for (int k = 0; k < g; k++) {
            double[] s = new double[p];
            for (int i : members[k]) {
                double r = design.y()[i] - mu[i];
                for (int c = 0; c < p; c++) {
                    s[c] += x[c][i] * r;
                }
            }
            alpha[k] = dot(q, s);
        }
        double num = 0;
        double den = 0;
        for (double v : alpha) {
            num += v;
            den += v * v;
        }
        double tObs = num / Math.sqrt(den);
        int exceed = 0;
        for (double[] v : plan.v) {
            double nb = 0;
            double db = 0;
            for (int k = 0; k < g; k++) {
                nb += v[k] * alpha[k];
                db += v[k] * v[k] * alpha[k] * alpha[k];
            }
            if (Math.abs(nb / Math.sqrt(db)) >= Math.abs(tObs) * (1 - 1e-12)) {
                exceed++;
            }
        }
        return (double) exceed / plan.v.length;
    }

    /** Interval by bisection on p(b0) = 1 - confidence either side of the estimate. */
    private double[] invert(java.util.function.DoubleUnaryOperator pv, double est, double se) {
        double alpha = 1 - confidence;
        double[] out = new double[2];
        for (int side = 0; side < 2; side++) {
            int dir = side == 0 ? -1 : 1;
            double inner = est;
            double step = se;
            double outer = est + dir * step;
            double po = pv.applyAsDouble(outer);
            while (!(po < alpha) && Math.abs(outer - est) < INVERSION_RANGE_IN_SE * se) {
                inner = outer;
                step *= 2;
                outer = est + dir * step;
                po = pv.applyAsDouble(outer);
            }
            if (!(po < alpha)) {
                out[side] = Double.NaN;
                continue;
            }
            for (int it = 0; it < INVERSION_STEPS; it++) {
                double mid = 0.5 * (inner + outer);
                if (pv.applyAsDouble(mid) < alpha) {
                    outer = mid;
                } else {
                    inner = mid;
                }
            }
            out[side] = 0.5 * (inner + outer);
        }
        if (!Double.isNaN(out[0]) && !Double.isNaN(out[1]) && out[0] > out[1]) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return out;
    }

    /** {@code (X' diag(w) X)^-1}, w null for identity. */
    private static double[][] inverseGram(double[][] x, double[] w) {
        int p = x.length;
        double[][] m = new double[p][p];
        int n = p == 0 ? 0 : x[0].length;
        for (int r = 0; r < p; r++) {
            for (int c = 0; c <= r; c++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[r][i] * x[c][i] * (w == null ? 1.0 : w[i]);
                }
                m[r][c] = s;
                m[c][r] = s;
            }
        }
        SymmetricSolver s = SymmetricSolver.factor(m);
        if (s == null) {
            throw new InvalidInputException(InputViolation.ofData(
                    InputViolation.SINGULAR_DESIGN, "the design is singular under the bootstrap null"));
        }
        return s.inverse();
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            out[r] = dot(m[r], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
