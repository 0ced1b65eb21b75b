package org.tfeval.stats.mixed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/**
 * Logistic regression with a normal random intercept per group, {@code logit P(y=1) = x'b + sigma u_k},
 * fitted as {@code lme4::glmer(y ~ x + (1 | g), family = binomial, nAGQ = k)}: the deviance (Laplace for
 * k = 1, adaptive Gauss-Hermite with k nodes otherwise) is minimised jointly over {@code sigma} and
 * {@code b}, by Newton steps on its exact gradient with a Hessian approximation (Schur complement of the
 * joint mode problem for {@code b}, a finite difference of the gradient for {@code sigma}) and a
 * backtracking line search. Standard errors come from twice the inverse of the Hessian over (sigma, b),
 * by central differences of the exact gradient, as lme4's default {@code use.hessian = TRUE}. Starts from
 * the ordinary logistic fit and {@code sigma = 1} (lme4's starting theta). Immutable; configured by copy.
 */
public final class RandomInterceptLogit {

    /** Largest number of quadrature nodes accepted (lme4 allows up to 25 in practice). */
    public static final int MAX_QUADRATURE_POINTS = 100;

    /** Default iteration limit of the outer Newton iterations. */
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    /** Convergence: largest step {@code |d_j| / (|t_j| + 1)} below this. */
    public static final double STEP_TOLERANCE = 1e-10;

    /** Relative finite-difference step for the Hessian (analytic gradients differenced). */
    public static final double HESSIAN_STEP = 1e-5;

    /** Armijo sufficient-decrease constant for the line search. */
    public static final double ARMIJO = 1e-4;

    /** An SD below this is reported as on the boundary (a singular fit, in lme4's words). */
    public static final double BOUNDARY_SD = 1e-4;

    /** Starting SD, lme4's starting theta. */
    public static final double START_SD = 1.0;

    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** lme4's default PIRLS tolerance {@code glmerControl()$tolPwrss}. */
    public static final double LME4_TOL_PWRSS = 1e-7;

    /** lme4's PIRLS iteration limit ({@code maxit} passed to {@code pwrssUpdate}). */
    public static final int LME4_PIRLS_MAX_ITERATIONS = 100;

    /** lme4's PIRLS step-halving limit ({@code maxstephalfit}). */
    public static final int LME4_MAX_STEP_HALVINGS = 10;

    /** lme4's {@code deriv12} finite-difference step for the Hessian. */
    public static final double LME4_HESSIAN_DELTA = 1e-4;

    /**
     * Stop refining on lme4's deviance when steps fall below this: that deviance is only piecewise smooth
     * (its PIRLS iteration count jumps), so machine-precision convergence is not meaningful; 1e-8 is far
     * inside the 1e-4 agreement asked of estimates.
     */
    public static final double LME4_REFINE_TOLERANCE = 1e-8;

    /** Iteration cap for the refinement on lme4's deviance. */
    public static final int LME4_REFINE_MAX_ITERATIONS = 50;

    /**
     * Largest SD searched for the nAGQ = 0 start in {@link ModeIteration#LME4_PIRLS} mode (the search
     * runs up to {@code min(this, 3 sigma + 1)}, sigma the exact Laplace estimate).
     */
    public static final double LME4_STAGE1_MAX_SD = 20;

    private final int quadraturePoints;
    private final double confidence;
    private final int maxIterations;
    private final ModeIteration modeIteration;

    private RandomInterceptLogit(
            int quadraturePoints, double confidence, int maxIterations, ModeIteration modeIteration) {
        if (quadraturePoints < 1 || quadraturePoints > MAX_QUADRATURE_POINTS) {
            throw new IllegalArgumentException(
                    "quadrature points must lie in 1.." + MAX_QUADRATURE_POINTS + ", got " + quadraturePoints);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        this.quadraturePoints = quadraturePoints;
        this.confidence = confidence;
        this.maxIterations = maxIterations;
        this.modeIteration = java.util.Objects.requireNonNull(modeIteration, "modeIteration");
    }

    /** The Laplace approximation (lme4's default, nAGQ = 1). */
    public static RandomInterceptLogit laplace() {
        return new RandomInterceptLogit(1, DEFAULT_CONFIDENCE, DEFAULT_MAX_ITERATIONS, ModeIteration.EXACT);
    }

    /** Adaptive Gauss-Hermite quadrature with {@code points} nodes (1 = Laplace). */
    public RandomInterceptLogit withQuadraturePoints(int points) {
        return new RandomInterceptLogit(points, confidence, maxIterations, modeIteration);
    }

    public RandomInterceptLogit withConfidence(double level) {
        return new RandomInterceptLogit(quadraturePoints, level, maxIterations, modeIteration);
    }

    public RandomInterceptLogit withMaxIterations(int limit) {
        return new RandomInterceptLogit(quadraturePoints, confidence, limit, modeIteration);
    }

    /** How conditional modes are found; {@link ModeIteration#LME4_PIRLS} reproduces lme4's defaults. */
    public RandomInterceptLogit withModeIteration(ModeIteration mode) {
        return new RandomInterceptLogit(quadraturePoints, confidence, maxIterations, mode);
    }

    public ModeIteration modeIteration() {
        return modeIteration;
    }

    public int quadraturePoints() {
        return quadraturePoints;
    }

    /** Fits the model to {@code design} with random intercepts for {@code groups}. */
    public GlmmFit fit(Design design, Grouping groups) {
        design.requireNoOffset("the random-intercept logistic model");
        int n = design.rows();
        int p = design.columnCount();
        List<InputViolation> problems = new ArrayList<>(Family.BINOMIAL_LOGIT.check(design.response(), design.y()));
        if (n <= p + 1) {
            problems.add(InputViolation.ofData(
                    InputViolation.TOO_FEW_ROWS,
                    "the model needs more rows (" + n + ") than parameters (" + (p + 1) + ")"));
        }
        if (groups.groupOfRow().length != n) {
            throw new IllegalArgumentException(
                    "grouping covers " + groups.groupOfRow().length + " rows, design has " + n);
        }
        if (groups.count() < 2) {
            problems.add(InputViolation.ofColumn(
                    InputViolation.OUT_OF_RANGE, groups.column(), "a random intercept needs at least 2 groups"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        GlmFit start = GeneralizedLinearModel.logistic().fit(design);

        // rows sorted by group, so each group is a contiguous range
        int[] sizes = groups.sizes();
        int g = sizes.length;
        int[] offsets = new int[g + 1];
        for (int k = 0; k < g; k++) {
            offsets[k + 1] = offsets[k] + sizes[k];
        }
        int[] fill = Arrays.copyOf(offsets, g);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[fill[groups.groupOfRow()[i]]++] = i;
        }
        double[][] x = new double[p][n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            y[r] = design.y()[i];
            for (int j = 0; j < p; j++) {
                x[j][r] = design.column(j)[i];
            }
        }
        MarginalLikelihood ml = new MarginalLikelihood(x, y, offsets, GaussHermite.of(quadraturePoints));

        double[] theta = new double[p + 1];
        theta[0] = START_SD;
        System.arraycopy(start.estimates(), 0, theta, 1, p);
        Optimum opt = minimise(ml, theta);
        theta = opt.theta;
        theta[0] = Math.abs(theta[0]);
        double[] beta = Arrays.copyOfRange(theta, 1, p + 1);
        MarginalLikelihood.Value at = ml.evaluate(theta[0], beta, false);
        double[] modes = ml.modes();

        // Hessian over (sigma, beta) by central differences of the exact gradient
        int q = p + 1;
        double[][] h = new double[q][q];
        for (int j = 0; j < q; j++) {
            double step = HESSIAN_STEP * Math.max(1.0, Math.abs(theta[j]));
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += step;
            tm[j] -= step;
            double[] gp =
                    ml.evaluate(tp[0], Arrays.copyOfRange(tp, 1, q), false).gradient();
            double[] gm =
                    ml.evaluate(tm[0], Arrays.copyOfRange(tm, 1, q), false).gradient();
            for (int i = 0; i < q; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        double deviance = at.deviance();
        if (modeIteration == ModeIteration.LME4_PIRLS) {
            Lme4Result r = lme4Refine(ml, theta, h, start.estimates());
            theta = r.theta;
            beta = Arrays.copyOfRange(theta, 1, p + 1);
            h = r.hessian;
            deviance = r.deviance;
            ml.evaluate(theta[0], beta, false);
            modes = ml.modes();
        }
        List<FitWarning> warnings = new ArrayList<>();
        if (design.droppedRows() > 0) {
            warnings.add(new FitWarning(
                    FitWarning.ROWS_DROPPED, design.droppedRows() + " rows with missing values were left out"));
        }
        double[][] cov = new double[p][p];
        SymmetricSolver hs = SymmetricSolver.factor(h);
        if (hs == null) {
            for (double[] row : cov) {
                Arrays.fill(row, Double.NaN);
            }
            warnings.add(new FitWarning(
                    FitWarning.NOT_CONVERGED,
                    "the Hessian of the deviance is not positive definite; standard errors are unavailable"));
        } else {
            double[][] inv = hs.inverse();
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] = 2 * inv[a + 1][b + 1];
                }
            }
        }
        if (!opt.converged) {
            warnings.add(new FitWarning(
                    FitWarning.NOT_CONVERGED,
                    "the deviance was not minimised to tolerance in " + maxIterations + " iterations"));
        }
        if (theta[0] < BOUNDARY_SD) {
            warnings.add(new FitWarning(
                    FitWarning.BOUNDARY_VARIANCE,
                    "the random-intercept SD of " + groups.column()
                            + " is estimated at (or near) zero: a singular fit; the groups add no variation"));
        }
        warnings.addAll(start.warnings().stream()
                .filter(w -> !w.code().equals(FitWarning.ROWS_DROPPED))
                .toList());
        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            coefs.add(Coefficient.wald(design.columnNames().get(j), beta[j], Math.sqrt(cov[j][j]), confidence));
        }
        double[] intercepts = new double[g];
        for (int k = 0; k < g; k++) {
            intercepts[k] = theta[0] * modes[k];
        }
        return new GlmmFit(
                design.columnNames(),
                beta,
                cov,
                coefs,
                theta[0],
                -0.5 * deviance,
                n,
                groups.column(),
                groups.labels(),
                intercepts,
                quadraturePoints,
                opt.iterations,
                opt.converged,
                confidence,
                warnings);
    }

    private record Optimum(double[] theta, int iterations, boolean converged) {}

    private record Lme4Result(double[] theta, double[][] hessian, double deviance) {}

    /**
     * lme4-compatible refinement: computes lme4's stage-1 start (nAGQ = 0 fit), then minimises lme4's
     * PIRLS deviance from the exact optimum by quasi-Newton steps (central-difference gradients, the exact
     * Hessian as metric) and takes the Hessian by lme4's {@code deriv12}.
     */
    private Lme4Result lme4Refine(
            MarginalLikelihood ml, double[] exactTheta, double[][] exactHessian, double[] glmBeta) {
        int q = exactTheta.length;
        int p = q - 1;
        // stage 1: nAGQ = 0 criterion over sigma (golden section), joint modes inside
        double[] lp0 = new double[ml.rows()];
        java.util.function.DoubleUnaryOperator d0 = sd -> {
            double v = ml.jointModeDeviance(sd, glmBeta.clone(), lp0);
            return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
        };
        double a = 0;
        double b = Math.min(LME4_STAGE1_MAX_SD, 3 * exactTheta[0] + 1);
        double gr = (Math.sqrt(5) - 1) / 2;
        double c = b - gr * (b - a);
        double d = a + gr * (b - a);
        double fc = d0.applyAsDouble(c);
        double fd = d0.applyAsDouble(d);
        while (b - a > 1e-7) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - gr * (b - a);
                fc = d0.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + gr * (b - a);
                fd = d0.applyAsDouble(d);
            }
        }
        d0.applyAsDouble(0.5 * (a + b));
        double[] start = lp0.clone();
        java.util.function.ToDoubleFunction<double[]> dev = t -> ml.lme4Deviance(
                t[0],
                ml.fixedPredictor(Arrays.copyOfRange(t, 1, q)),
                start,
                LME4_TOL_PWRSS,
                LME4_PIRLS_MAX_ITERATIONS,
                LME4_MAX_STEP_HALVINGS);
        // stage 2: quasi-Newton on lme4's deviance from the exact optimum
        SymmetricSolver metric = SymmetricSolver.factor(exactHessian);
        double[] theta = exactTheta.clone();
        double f = dev.applyAsDouble(theta);
        for (int it = 0; it < LME4_REFINE_MAX_ITERATIONS && metric != null; it++) {
            double[] g = new double[q];
            for (int j = 0; j < q; j++) {
                double step = 1e-6 * Math.max(1.0, Math.abs(theta[j]));
                double[] tp = theta.clone();
                double[] tm = theta.clone();
                tp[j] += step;
                tm[j] -= step;
                g[j] = (dev.applyAsDouble(tp) - dev.applyAsDouble(tm)) / (2 * step);
            }
            double[] delta = metric.solve(g);
            double t = 1.0;
            double[] next = new double[q];
            double fn = f;
            for (int halving = 0; halving < 30; halving++) {
                for (int j = 0; j < q; j++) {
                    next[j] = theta[j] - t * delta[j];
                }
                next[0] = Math.abs(next[0]);
                fn = dev.applyAsDouble(next);
                if (fn <= f) {
                    break;
                }
                t *= 0.5;
            }
            if (fn > f) {
                break;
            }
            double maxRel = 0;
            for (int j = 0; j < q; j++) {
                maxRel = Math.max(maxRel, Math.abs(next[j] - theta[j]) / (Math.abs(next[j]) + 1));
            }
            theta = next.clone();
            f = fn;
            if (maxRel < LME4_REFINE_TOLERANCE) {
                break;
            }
        }
        // lme4's deriv12 Hessian (lower bound 0 on the SD)
        double delta = LME4_HESSIAN_DELTA;
        double[][] h = new double[q][q];
        double[] up = new double[q];
        double[] lo = new double[q];
        for (int j = 0; j < q; j++) {
            up[j] = delta;
            lo[j] = j == 0 && theta[0] - delta < 0 ? theta[0] : delta;
        }
        for (int j = 0; j < q; j++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += up[j];
            tm[j] -= lo[j];
            double fadd = dev.applyAsDouble(tp);
            double fsub = dev.applyAsDouble(tm);
            h[j][j] = fadd / (up[j] * up[j]) - 2 * f / (up[j] * lo[j]) + fsub / (lo[j] * lo[j]);
            for (int i = 0; i < j; i++) {
                double[] aa = theta.clone();
                double[] as = theta.clone();
                double[] sa = theta.clone();
                double[] ss = theta.clone();
                aa[i] += up[i];
                aa[j] += up[j];
                as[i] += up[i];
                as[j] -= lo[j];
                sa[i] -= lo[i];
                sa[j] += up[j];
                ss[i] -= lo[i];
                ss[j] -= lo[j];
                double v = dev.applyAsDouble(aa) / Math.pow(up[i] + up[j], 2)
                        - dev.applyAsDouble(as) / Math.pow(up[i] + lo[j], 2)
                        - dev.applyAsDouble(sa) / Math.pow(lo[i] + up[j], 2)
                        + dev.applyAsDouble(ss) / Math.pow(lo[i] + lo[j], 2);
                h[i][j] = v;
                h[j][i] = v;
            }
        }
        return new Lme4Result(theta, h, f);
    }

    private Optimum minimise(MarginalLikelihood ml, double[] theta0) {
        int q = ml.parameters();
        int p = q - 1;
        double[] theta = theta0.clone();
        MarginalLikelihood.Value cur = ml.evaluate(theta[0], Arrays.copyOfRange(theta, 1, q), true);
        int iter = 0;
        boolean converged = false;
        while (iter < maxIterations) {
            iter++;
            double[] grad = cur.gradient();
            double hs = 1e-6 * Math.max(1.0, Math.abs(theta[0]));
            double[] gs = ml.evaluate(theta[0] + hs, Arrays.copyOfRange(theta, 1, q), false)
                    .gradient();
            double[][] h = new double[q][q];
            for (int j = 0; j < q; j++) {
                double d = (gs[j] - grad[j]) / hs;
                h[0][j] = d;
                h[j][0] = d;
            }
            for (int a = 0; a < p; a++) {
                System.arraycopy(cur.betaHessian()[a], 0, h[a + 1], 1, p);
            }
            double[] delta = newtonDirection(h, grad);
            double slope = 0;
            for (int j = 0; j < q; j++) {
                slope += grad[j] * delta[j];
            }
            if (!(slope < 0)) {
                // not a descent direction: fall back to steepest descent scaled by the diagonal
                for (int j = 0; j < q; j++) {
                    delta[j] = -grad[j] / Math.max(Math.abs(h[j][j]), 1e-8);
                }
                slope = 0;
                for (int j = 0; j < q; j++) {
                    slope += grad[j] * delta[j];
                }
            }
            double t = 1.0;
            double[] next = new double[q];
            MarginalLikelihood.Value trial;
            while (true) {
                for (int j = 0; j < q; j++) {
                    next[j] = theta[j] + t * delta[j];
                }
                trial = ml.evaluate(next[0], Arrays.copyOfRange(next, 1, q), true);
                if (trial.deviance() <= cur.deviance() + ARMIJO * t * slope || t < 1e-12) {
                    break;
                }
                t *= 0.5;
            }
            double maxRel = 0;
            for (int j = 0; j < q; j++) {
                maxRel = Math.max(maxRel, Math.abs(next[j] - theta[j]) / (Math.abs(next[j]) + 1));
            }
            boolean improved = trial.deviance() <= cur.deviance();
            if (improved) {
                theta = next.clone();
                cur = trial;
            }
            if (maxRel < STEP_TOLERANCE || !improved) {
                converged = maxRel < STEP_TOLERANCE * 100 || improved;
                break;
            }
        }
        return new Optimum(theta, iter, converged);
    }

    /** Solves {@code H d = -g}, adding a ridge until H is positive definite. */
    private static double[] newtonDirection(double[][] h, double[] g) {
        int q = g.length;
        double[] neg = new double[q];
        for (int j = 0; j < q; j++) {
            neg[j] = -g[j];
        }
        double ridge = 0;
        double scale = 0;
        for (int j = 0; j < q; j++) {
            scale = Math.max(scale, Math.abs(h[j][j]));
        }
        for (int attempt = 0; attempt < 60; attempt++) {
            double[][] m = new double[q][q];
            for (int i = 0; i < q; i++) {
                m[i] = h[i].clone();
                m[i][i] += ridge;
            }
            SymmetricSolver s = SymmetricSolver.factor(m);
            if (s != null) {
                return s.solve(neg);
            }
            ridge = ridge == 0 ? 1e-8 * Math.max(scale, 1) : ridge * 4;
        }
        return neg;
    }
}
