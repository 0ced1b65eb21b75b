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
 * Weights: every Rademacher sign pattern is enumerated (exact bootstrap distribution) when
 * {@code 2^G <= draws} and the smallest attainable p-value {@code 2 / 2^G} is at most
 * {@link #FLOOR_FRACTION_OF_LEVEL} of the test level; otherwise Webb's six-point weights, enumerated when
 * {@code 6^G <= }{@link #WEBB_ENUMERATION_LIMIT}, else drawn with the seed (or the weights chosen by
 * {@link #withWeights}, always drawn). The result states the smallest attainable p-value.
 *
 * <p>The test never gives up on the whole model: the p-value of {@code b = 0} is reported whenever the
 * restricted fit at 0 exists; a coefficient whose restricted fit does not exist gets a NaN p-value with a
 * reason, alone; interval limits invert the bootstrap test (same weights for every null value) by
 * bisection and are reported as unbounded when the p-value does not cross the level on a side (including
 * when the restricted fit stops existing far from the estimate, as when fitted probabilities reach 1).
 * Immutable; configured by copy.
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

    /**
     * The interval search stops this many CR1 standard errors from the estimate; a limit not found by then
     * is reported as unbounded.
     */
    public static final double INVERSION_RANGE_IN_SE = 50;

    /**
     * Rademacher enumeration is used only when its smallest attainable p-value, {@code 2 / 2^G}, is at most
     * this fraction of the test level {@code 1 - confidence}; otherwise p-values near the level are not
     * resolved (at 5%: G >= 8 clusters) and Webb's six-point weights are used instead (Webb 2014; MacKinnon
     * and Webb 2018 recommend them for fewer than about 10 clusters).
     */
    public static final double FLOOR_FRACTION_OF_LEVEL = 0.2;

    /**
     * Webb weights are enumerated (exact, seed-free p-values) when there are at most this many patterns
     * {@code 6^G} (G <= 5); with more clusters they are drawn at random with the seed.
     */
    public static final double WEBB_ENUMERATION_LIMIT = 10_000;

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
        if (bread == null) {
            throw new InvalidInputException(
                    InputViolation.ofData(InputViolation.SINGULAR_DESIGN, "the design matrix is singular"));
        }
        double factor = ClusterCovariance.CR1.smallSampleFactor(n, p, g);
        RobustFit cr1 = ClusterRobust.of(ClusterCovariance.CR1).estimate(SandwichParts.of(design, fit), clusters);
        List<BootstrapTest> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            final int col = j;
            double est = fit.estimates()[j];
            double se = cr1.coefficients().get(j).stdError();
            PValue pv = b0 -> {
                double[] u = restrictedResiduals(design, col, b0);
                if (u == null) {
                    return Double.NaN;
                }
                double t = (est - b0) / se;
                return olsPValue(x, u, members, bread, col, factor, plan, t);
            };
            out.add(test(design.columnNames().get(j), est, se, pv, "the model without this term is singular"));
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
        List<BootstrapTest> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            final int col = j;
            double est = fit.estimates()[j];
            double se = cr1.coefficients().get(j).stdError();
            PValue pv = b0 -> {
                double[] mu = model.constrainedMeans(design, col, b0);
                return mu == null ? Double.NaN : scorePValue(design, family, mu, members, col, plan);
            };
            out.add(test(
                    design.columnNames().get(j),
                    est,
                    se,
                    pv,
                    "the restricted model (this coefficient fixed at 0) did not converge or its information matrix"
                            + " is singular (fitted values at the boundary)"));
        }
        return result("wild cluster score bootstrap (Kline-Santos)", plan, clusters, out);
    }

    /** A bootstrap p-value as a function of the null value; NaN where the restricted model does not exist. */
    @FunctionalInterface
    private interface PValue {
        double at(double b0);

        /** The p-value, NaN when the restricted fit fails (never throws for a degenerate restricted fit). */
        default double safe(double b0) {
            try {
                double v = at(b0);
                return Double.isFinite(v) ? v : Double.NaN;
            } catch (InvalidInputException | IllegalStateException | ArithmeticException e) {
                return Double.NaN;
            }
        }
    }

    private BootstrapTest test(String term, double est, double se, PValue pv, String reason) {
        double p0 = pv.safe(0.0);
        if (Double.isNaN(p0)) {
            return new BootstrapTest(
                    term,
                    est,
                    se,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    BootstrapTest.Bound.NOT_COMPUTED,
                    BootstrapTest.Bound.NOT_COMPUTED,
                    reason);
        }
        double low = limit(pv, est, se, -1);
        double high = limit(pv, est, se, +1);
        if (low > high) {
            // the p-value curve is not unimodal around the estimate: report no finite interval
            low = Double.NEGATIVE_INFINITY;
            high = Double.POSITIVE_INFINITY;
        }
        return new BootstrapTest(
                term,
                est,
                se,
                p0,
                low,
                high,
                low == Double.NEGATIVE_INFINITY ? BootstrapTest.Bound.UNBOUNDED : BootstrapTest.Bound.FOUND,
                high == Double.POSITIVE_INFINITY ? BootstrapTest.Bound.UNBOUNDED : BootstrapTest.Bound.FOUND,
                null);
    }

    private WildBootstrapFit result(String method, Plan plan, Grouping clusters, List<BootstrapTest> out) {
        List<FitWarning> warnings = new ArrayList<>();
        double alpha = 1 - confidence;
        int g = clusters.count();
        if (plan.automaticWebb) {
            warnings.add(new FitWarning(
                    FitWarning.FEW_CLUSTERS,
                    g + " clusters: Rademacher weights cannot give a p-value below 2/2^" + g + " = "
                            + fmt(2.0 / Math.pow(2, g)) + ", too coarse for a test at " + fmt(alpha)
                            + "; Webb's six-point weights are used (smallest attainable p-value "
                            + fmt(plan.floor) + ")"));
        }
        if (plan.floor > alpha) {
            warnings.add(new FitWarning(
                    FitWarning.FEW_CLUSTERS,
                    "with " + g + " clusters no bootstrap p-value can fall below " + fmt(plan.floor)
                            + ", above the test level " + fmt(alpha) + ": the bootstrap cannot reject"));
        }
        for (BootstrapTest t : out) {
            if (!t.tested()) {
                warnings.add(
                        new FitWarning(FitWarning.NOT_CONVERGED, t.term() + ": no bootstrap p-value; " + t.failure()));
            } else if (t.lowBound() == BootstrapTest.Bound.UNBOUNDED
                    || t.highBound() == BootstrapTest.Bound.UNBOUNDED) {
                warnings.add(
                        new FitWarning(
                                FitWarning.PROFILE_LIMIT_NOT_FOUND,
                                t.term() + ": the bootstrap p-value does not fall below " + fmt(alpha)
                                        + " on one side within " + fmt(INVERSION_RANGE_IN_SE)
                                        + " standard errors (or the restricted model stops existing there); that limit is unbounded"));
            }
        }
        return new WildBootstrapFit(
                method,
                plan.weights,
                plan.enumerated,
                plan.v.length,
                seed,
                clusters.column(),
                g,
                plan.floor,
                out,
                warnings);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /**
     * Weight matrix v[draw][cluster]; {@code floor} the smallest attainable p-value; {@code automaticWebb}
     * when Webb weights replaced Rademacher enumeration because of its coarseness.
     */
    private record Plan(
            BootstrapWeights weights, boolean enumerated, double[][] v, double floor, boolean automaticWebb) {

        /**
         * Share of patterns at least as extreme as the observed statistic: exact when enumerated (the
         * all-ones pattern is among them); {@code (1 + count) / (B + 1)} for random draws (Davison and
         * Hinkley 1997, eq. 4.11), which never gives 0.
         */
        double pValue(int exceed) {
            return enumerated ? (double) exceed / v.length : (1.0 + exceed) / (v.length + 1);
        }
    }

    private Plan plan(Grouping clusters) {
        int g = clusters.count();
        if (g < 2) {
            throw new InvalidInputException(InputViolation.ofColumn(
                    InputViolation.OUT_OF_RANGE,
                    clusters.column(),
                    "the wild cluster bootstrap needs at least 2 clusters, found " + g));
        }
        if (forcedWeights == null) {
            double alpha = 1 - confidence;
            boolean rademacherFits = g < 31 && (1L << g) <= draws;
            double rademacherFloor = 2.0 / Math.pow(2, g);
            if (rademacherFits && rademacherFloor <= alpha * FLOOR_FRACTION_OF_LEVEL) {
                return enumerate(BootstrapWeights.RADEMACHER, g, false);
            }
            boolean coarse = rademacherFits || rademacherFloor > alpha * FLOOR_FRACTION_OF_LEVEL;
            if (Math.pow(6, g) <= WEBB_ENUMERATION_LIMIT) {
                return enumerate(BootstrapWeights.WEBB, g, coarse);
            }
            return random(BootstrapWeights.WEBB, g, coarse);
        }
        return random(forcedWeights, g, false);
    }

    private static Plan enumerate(BootstrapWeights w, int g, boolean automatic) {
        int patterns = (int) Math.round(Math.pow(w.support(), g));
        double[][] v = new double[patterns][];
        for (int b = 0; b < patterns; b++) {
            v[b] = w.pattern(b, g);
        }
        return new Plan(w, true, v, 2.0 / patterns, automatic);
    }

    private Plan random(BootstrapWeights w, int g, boolean automatic) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] v = new double[draws][g];
        for (int b = 0; b < draws; b++) {
            for (int k = 0; k < g; k++) {
                v[b][k] = w.draw(rng);
            }
        }
        return new Plan(w, false, v, 1.0 / (draws + 1), automatic);
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
        if (inv == null) {
            return null;
        }
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
        return plan.pValue(exceed);
    }

    private static double scorePValue(Design design, Family family, double[] mu, int[][] members, int j, Plan plan) {
        double[][] x = design.columns();
        int p = x.length;
        double[] w = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            w[i] = family.variance(mu[i]);
        }
        double[][] hinv = inverseGram(x, w);
        if (hinv == null) {
            return Double.NaN;
        }
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
        if (!(den > 0)) {
            return Double.NaN;
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
        return plan.pValue(exceed);
    }

    /**
     * One interval limit by bisection on {@code p(b0) = 1 - confidence} on side {@code dir} of the
     * estimate: steps of doubling length from one standard error out to {@link #INVERSION_RANGE_IN_SE};
     * infinite when the p-value never falls below the level there or the restricted model stops existing
     * before it does.
     */
    private double limit(PValue pv, double est, double se, int dir) {
        double alpha = 1 - confidence;
        double unbounded = dir < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (!(se > 0) || !Double.isFinite(est)) {
            return unbounded;
        }
        double inner = est;
        double step = se;
        double outer = est + dir * step;
        double po = pv.safe(outer);
        while (!Double.isNaN(po) && !(po < alpha) && step < INVERSION_RANGE_IN_SE * se) {
            inner = outer;
            step = Math.min(2 * step, INVERSION_RANGE_IN_SE * se);
            outer = est + dir * step;
            po = pv.safe(outer);
        }
        if (Double.isNaN(po) || !(po < alpha)) {
            return unbounded;
        }
        for (int it = 0; it < INVERSION_STEPS; it++) {
            double mid = 0.5 * (inner + outer);
            double pm = pv.safe(mid);
            if (Double.isNaN(pm)) {
                return unbounded;
            }
            if (pm < alpha) {
                outer = mid;
            } else {
                inner = mid;
            }
        }
        return 0.5 * (inner + outer);
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
        return s == null ? null : s.inverse();
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
