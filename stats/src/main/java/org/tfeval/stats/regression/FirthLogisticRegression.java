package org.tfeval.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.design.Collinearity;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.linalg.CrossProducts;
import org.tfeval.stats.linalg.SymmetricSolver;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;

/**
 * Firth's (1993) bias-reduced logistic regression: maximises the penalized log-likelihood
 * {@code l(b) + 1/2 log|X'WX|} by full Newton steps (the modified score {@code X'(y - mu + h (1/2 - mu))},
 * {@code h} the hat values, and the exact Hessian of the penalized log-likelihood; Fisher scoring where that
 * Hessian is not negative definite) with step halving on the penalized log-likelihood, so that it converges
 * quadratically to the maximum also on quasi-separated data. Estimates are finite even under separation. Standard
 * errors from the inverse Fisher information at the estimate (as {@code brglm2}); intervals and p-values
 * from the penalized profile likelihood (as {@code logistf}): a coefficient's limits are where twice the
 * drop in maximised penalized log-likelihood reaches the chi-square(1) quantile, and its p-value is the
 * penalized likelihood-ratio test of 0. Immutable; configured by copy.
 */
public final class FirthLogisticRegression {

    /** Default iteration limit (logistf: 25 for the fit, 100 for profiles). */
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    /** Convergence: largest step {@code |d_j| / (|b_j| + 1)} below this. */
    public static final double STEP_TOLERANCE = 1e-10;

    /** Largest allowed change of any coefficient in one step (logistf's {@code maxstep}). */
    public static final double MAX_STEP = 5.0;

    /** Step halvings allowed when a step lowers the penalized log-likelihood. */
    public static final int MAX_STEP_HALVINGS = 30;

    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final double confidence;
    private final int maxIterations;
    private final IntervalType intervals;

    private FirthLogisticRegression(double confidence, int maxIterations, IntervalType intervals) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        this.confidence = confidence;
        this.maxIterations = maxIterations;
        this.intervals = Objects.requireNonNull(intervals, "intervals");
    }

    /** Firth logistic regression with penalized profile-likelihood intervals at 95%. */
    public static FirthLogisticRegression create() {
        return new FirthLogisticRegression(DEFAULT_CONFIDENCE, DEFAULT_MAX_ITERATIONS, IntervalType.PROFILE_LIKELIHOOD);
    }

    public FirthLogisticRegression withConfidence(double level) {
        return new FirthLogisticRegression(level, maxIterations, intervals);
    }

    public FirthLogisticRegression withMaxIterations(int limit) {
        return new FirthLogisticRegression(confidence, limit, intervals);
    }

    /** Interval type; with {@link IntervalType#WALD} p-values are Wald z too. */
    public FirthLogisticRegression withIntervals(IntervalType type) {
        return new FirthLogisticRegression(confidence, maxIterations, type);
    }

    /** Fits the model. */
    public FirthFit fit(Design design) {
        design.requireNoOffset("Firth's logistic regression");
        int n = design.rows();
        int p = design.columnCount();
        List<InputViolation> problems = new ArrayList<>(Family.BINOMIAL_LOGIT.check(design.response(), design.y()));
        if (n <= p) {
            problems.add(InputViolation.ofData(
                    InputViolation.TOO_FEW_ROWS,
                    "the model needs more rows (" + n + ") than coefficients (" + p + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        double[][] x = design.columns();
        double[] y = design.y();
        Collinearity.requireFullRank(
                Collinearity.aliasedFromGram(gram(x, quarterWeights(n)), Collinearity.R_DEFAULT_TOLERANCE),
                design.columnNames());

        Newton full = newton(x, y, new double[p], -1, 0.0);
        double[] beta = full.beta;
        Eval at = evaluate(x, y, beta);
        double[][] cov = at.solver.inverse();
        List<FitWarning> warnings = new ArrayList<>();
        if (design.droppedRows() > 0) {
            warnings.add(new FitWarning(
                    FitWarning.ROWS_DROPPED, design.droppedRows() + " rows with missing values were left out"));
        }
        if (!full.converged) {
            warnings.add(new FitWarning(
                    FitWarning.NOT_CONVERGED,
                    "the penalized likelihood did not converge in " + maxIterations + " iterations"));
        }
        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            coefs.add(Coefficient.wald(design.columnNames().get(j), beta[j], Math.sqrt(cov[j][j]), confidence));
        }
        if (intervals == IntervalType.PROFILE_LIKELIHOOD) {
            double threshold = ChiSquaredDistribution.of(1).inverseCumulativeProbability(confidence);
            double minCrit = -2 * at.penalizedLoglik;
            double[][] lim = new double[p][];
            double[] pv = new double[p];
            IntStream.range(0, p).parallel().forEach(j -> {
                Profiler.Constrained f = b -> -2 * newtonPenalized(x, y, beta, j, b);
                double se = Math.sqrt(cov[j][j]);
                lim[j] = new double[] {
                    Profiler.limit(f, beta[j], se, minCrit, threshold, -1),
                    Profiler.limit(f, beta[j], se, minCrit, threshold, +1)
                };
                double stat = Math.max(0, f.value(0.0) - minCrit);
                pv[j] = ChiSquaredDistribution.of(1).survivalProbability(stat);
            });
            List<Coefficient> prof = new ArrayList<>(p);
            for (int j = 0; j < p; j++) {
                Coefficient c = coefs.get(j);
                prof.add(new Coefficient(
                        c.term(), c.estimate(), c.stdError(), lim[j][0], lim[j][1], pv[j], Double.POSITIVE_INFINITY));
                if (Double.isInfinite(lim[j][0]) || Double.isInfinite(lim[j][1])) {
                    warnings.add(new FitWarning(
                            FitWarning.PROFILE_LIMIT_NOT_FOUND,
                            "the penalized profile of " + c.term()
                                    + " does not fall far enough on one side; that limit is infinite"));
                }
            }
            coefs = prof;
        }
        Separation separation = separationOf(design);
        if (separation != null) {
            warnings.add(
                    new FitWarning(
                            separation.complete()
                                    ? FitWarning.COMPLETE_SEPARATION
                                    : FitWarning.QUASI_COMPLETE_SEPARATION,
                            (separation.complete() ? "complete" : "quasi-complete")
                                    + " separation involving " + String.join(", ", separation.terms())
                                    + ": ordinary maximum likelihood would give infinite estimates; Firth's estimates stay finite"));
        }
        return new FirthFit(
                design.columnNames(),
                beta,
                cov,
                coefs,
                at.loglik,
                at.penalizedLoglik,
                n,
                full.iterations,
                full.converged,
                separation,
                intervals,
                confidence,
                warnings);
    }

    /** Runs an ordinary ML fit only to learn whether the data are separated (information for the user). */
    private Separation separationOf(Design design) {
        try {
            return GeneralizedLinearModel.logistic()
                    .withMaxIterations(GeneralizedLinearModel.DEFAULT_MAX_ITERATIONS)
                    .fit(design)
                    .separation();
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** Evaluation of the penalized likelihood and its modified score at beta. */
    private static final class Eval {
        double loglik;
        double penalizedLoglik;
        double[] score;
        double[][] info;
        SymmetricSolver solver;
        double[] mu;
        double[] w;
        double[] q;
        double[][] inverse;
    }

    private static Eval evaluate(double[][] x, double[] y, double[] beta) {
        int n = y.length;
        int p = x.length;
        double[] eta = new double[n];
        CrossProducts.linearPredictor(x, beta, null, 0, n, eta);
        double[] w = new double[n];
        double[] mu = new double[n];
        double ll = 0;
        for (int i = 0; i < n; i++) {
            mu[i] = Family.BINOMIAL_LOGIT.mean(eta[i]);
            w[i] = mu[i] * (1 - mu[i]);
            ll += Family.BINOMIAL_LOGIT.logLikelihood(y[i], eta[i]);
        }
        Eval e = new Eval();
        e.loglik = ll;
        e.info = gram(x, w);
        e.solver = SymmetricSolver.factor(e.info);
        if (e.solver == null) {
            e.penalizedLoglik = Double.NEGATIVE_INFINITY;
            return e;
        }
        e.penalizedLoglik = ll + 0.5 * e.solver.logDeterminant();
        double[][] v = e.solver.inverse();
        e.mu = mu;
        e.w = w;
        e.inverse = v;
        e.q = new double[n];
        double[] score = new double[p];
        double[] xi = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                xi[a] = x[a][i];
            }
            double q = 0;
            for (int a = 0; a < p; a++) {
                double s = 0;
                for (int b = 0; b < p; b++) {
                    s += v[a][b] * xi[b];
                }
                q += xi[a] * s;
            }
            e.q[i] = q;
            double h = w[i] * q;
            double r = y[i] - mu[i] + h * (0.5 - mu[i]);
            for (int a = 0; a < p; a++) {
                score[a] += xi[a] * r;
            }
        }
        e.score = score;
        return e;
    }

    private record Newton(double[] beta, int iterations, boolean converged) {}

    /**
     * Maximises the penalized likelihood from {@code start}; when {@code fixed >= 0}, coefficient
     * {@code fixed} is held at {@code value} and only the others move.
     */
    private Newton newton(double[][] x, double[] y, double[] start, int fixed, double value) {
        int p = x.length;
        double[] beta = start.clone();
        if (fixed >= 0) {
            beta[fixed] = value;
        }
        Eval cur = evaluate(x, y, beta);
        int iter = 0;
        boolean converged = false;
        while (iter < maxIterations && cur.solver != null) {
            iter++;
            double[] delta = step(x, cur, fixed, p);
            double maxAbs = 0;
            for (double d : delta) {
                maxAbs = Math.max(maxAbs, Math.abs(d));
            }
            if (maxAbs > MAX_STEP) {
                for (int j = 0; j < p; j++) {
                    delta[j] *= MAX_STEP / maxAbs;
                }
            }
            double[] next = new double[p];
            Eval trial = null;
            double f = 1.0;
            for (int h = 0; h <= MAX_STEP_HALVINGS; h++) {
                for (int j = 0; j < p; j++) {
                    next[j] = beta[j] + f * delta[j];
                }
                trial = evaluate(x, y, next);
                if (trial.solver != null
                        && trial.penalizedLoglik >= cur.penalizedLoglik - 1e-12 * Math.abs(cur.penalizedLoglik)) {
                    break;
                }
                f *= 0.5;
            }
            double maxRel = 0;
            for (int j = 0; j < p; j++) {
                maxRel = Math.max(maxRel, Math.abs(next[j] - beta[j]) / (Math.abs(next[j]) + 1));
            }
            beta = next;
            cur = trial;
            if (maxRel < STEP_TOLERANCE) {
                converged = true;
                break;
            }
        }
        return new Newton(beta, iter, converged && cur.solver != null);
    }

    /**
     * Minus the Hessian of the penalized log-likelihood {@code l(b) + 1/2 log|I(b)|}, {@code I = X'WX}:
     * {@code I + 1/2 tr(I^-1 I_s I^-1 I_r) - 1/2 sum_i w''_i x_ir x_is q_i}, where {@code I_r = X' diag(w'
     * x_r) X}, {@code w' = w (1 - 2 mu)}, {@code w'' = w ((1 - 2 mu)^2 - 2 w)} (derivatives of the logistic
     * weight in the linear predictor) and {@code q_i = x_i' I^-1 x_i}. Cost O(n p^3 + p^4).
     */
    private static double[][] negatedHessian(double[][] x, Eval e) {
        int p = x.length;
        int n = e.w.length;
        double[][][] ir = new double[p][p][p];
        double[][] second = new double[p][p];
        for (int i = 0; i < n; i++) {
            double w = e.w[i];
            double d = 1 - 2 * e.mu[i];
            double w1 = w * d;
            double w2 = w * (d * d - 2 * w);
            for (int r = 0; r < p; r++) {
                double xr = x[r][i];
                if (xr == 0) {
                    continue;
                }
                double a = w1 * xr;
                for (int b = 0; b < p; b++) {
                    double ab = a * x[b][i];
                    for (int c = 0; c <= b; c++) {
                        ir[r][b][c] += ab * x[c][i];
                    }
                }
                double t = w2 * xr * e.q[i];
                for (int s = 0; s <= r; s++) {
                    second[r][s] += t * x[s][i];
                }
            }
        }
        double[][][] mi = new double[p][][];
        for (int r = 0; r < p; r++) {
            for (int b = 0; b < p; b++) {
                for (int c = b + 1; c < p; c++) {
                    ir[r][b][c] = ir[r][c][b];
                }
            }
            mi[r] = product(e.inverse, ir[r]);
        }
        double[][] out = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int s = 0; s <= r; s++) {
                double tr = 0;
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        tr += mi[s][a][b] * mi[r][b][a];
                    }
                }
                double v = e.info[r][s] + 0.5 * tr - 0.5 * second[r][s];
                out[r][s] = v;
                out[s][r] = v;
            }
        }
        return out;
    }

    private static double[][] product(double[][] a, double[][] b) {
        int p = a.length;
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                double aik = a[i][k];
                for (int j = 0; j < p; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }

    /**
     * Newton direction on the free coefficients (all, or all but {@code fixed}): the full Newton step with
     * the exact Hessian of the penalized log-likelihood when minus that Hessian is positive definite
     * (quadratic convergence, also on quasi-separated data), otherwise the Fisher-scoring step with the
     * information {@code X'WX} (Firth's and logistf's iteration), which always ascends.
     */
    private static double[] step(double[][] x, Eval e, int fixed, int p) {
        double[] out = new double[p];
        int q = fixed < 0 ? p : p - 1;
        if (q == 0) {
            return out;
        }
        double[][] hess = negatedHessian(x, e);
        double[] d = solveFree(hess, e.score, fixed, p);
        if (d == null) {
            d = solveFree(e.info, e.score, fixed, p);
        }
        if (d == null) {
            return out;
        }
        for (int a = 0, ra = 0; a < p; a++) {
            if (a != fixed) {
                out[a] = d[ra++];
            }
        }
        return out;
    }

    /** Solves the sub-system of the free coefficients; null when that block is not positive definite. */
    private static double[] solveFree(double[][] full, double[] score, int fixed, int p) {
        int q = fixed < 0 ? p : p - 1;
        double[][] sub = new double[q][q];
        double[] rhs = new double[q];
        for (int a = 0, ra = 0; a < p; a++) {
            if (a == fixed) {
                continue;
            }
            rhs[ra] = score[a];
            for (int b = 0, rb = 0; b < p; b++) {
                if (b == fixed) {
                    continue;
                }
                sub[ra][rb++] = full[a][b];
            }
            ra++;
        }
        SymmetricSolver ss = SymmetricSolver.factor(sub);
        return ss == null ? null : ss.solve(rhs);
    }

    /** Maximised penalized log-likelihood with coefficient j fixed at b, started from the full estimate. */
    private double newtonPenalized(double[][] x, double[] y, double[] beta, int j, double b) {
        Newton r = newton(x, y, beta, j, b);
        return evaluate(x, y, r.beta).penalizedLoglik;
    }

    private static double[] quarterWeights(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 0.25);
        return w;
    }

    private static double[][] gram(double[][] x, double[] w) {
        int p = x.length;
        double[] packed = new double[CrossProducts.packedSize(p)];
        CrossProducts.addWeighted(x, w, null, 0, w.length, packed, null, new double[w.length]);
        return CrossProducts.unpack(packed, p);
    }
}
