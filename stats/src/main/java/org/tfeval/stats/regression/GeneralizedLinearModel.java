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
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;

/**
 * Generalized linear models with canonical links (logistic, Poisson) fitted by IRLS, as R's
 * {@code glm}: Wald z inference from the inverse Fisher information, deviance, null deviance,
 * log-likelihood and AIC; optional profile-likelihood intervals as {@code MASS::confint.glm}; detection
 * of complete and quasi-complete separation (and infinite Poisson estimates) with the terms involved.
 * Immutable; configured by copy.
 */
public final class GeneralizedLinearModel {

    /** Default iteration limit (R's glm: 25; separation needs room to show itself). */
    public static final int DEFAULT_MAX_ITERATIONS = 50;

    /**
     * Convergence: largest step {@code |d_j| / (|b_j| + 1)} below this. Newton converges quadratically,
     * so the estimate is then exact to rounding, well within the 1e-8 of the R references.
     */
    public static final double STEP_TOLERANCE = 1e-10;

    /** R's threshold for "fitted probabilities numerically 0 or 1": 10 x machine epsilon. */
    public static final double BOUNDARY_PROBABILITY = 10 * Math.ulp(1.0);

    /** Step halvings allowed when a Newton step increases the deviance. */
    public static final int MAX_STEP_HALVINGS = 30;

    /**
     * Slack, relative to {@code ||x_i|| ||d||}, for a row to count as lying on the separating boundary
     * when checking a divergence direction {@code d}.
     */
    public static final double SEPARATION_TOLERANCE = 1e-6;

    /** Components of a divergence direction below this share of its largest are not named. */
    public static final double SEPARATION_TERM_SHARE = 1e-3;

    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final Family family;
    private final double confidence;
    private final int maxIterations;
    private final IntervalType intervals;

    private GeneralizedLinearModel(Family family, double confidence, int maxIterations, IntervalType intervals) {
        this.family = Objects.requireNonNull(family, "family");
        this.intervals = Objects.requireNonNull(intervals, "intervals");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        this.confidence = confidence;
        this.maxIterations = maxIterations;
    }

    /** A GLM of {@code family} with Wald intervals at 95%. */
    public static GeneralizedLinearModel of(Family family) {
        return new GeneralizedLinearModel(family, DEFAULT_CONFIDENCE, DEFAULT_MAX_ITERATIONS, IntervalType.WALD);
    }

    /** Logistic regression. */
    public static GeneralizedLinearModel logistic() {
        return of(Family.BINOMIAL_LOGIT);
    }

    /** Poisson regression with log link. */
    public static GeneralizedLinearModel poisson() {
        return of(Family.POISSON_LOG);
    }

    public GeneralizedLinearModel withConfidence(double level) {
        return new GeneralizedLinearModel(family, level, maxIterations, intervals);
    }

    public GeneralizedLinearModel withMaxIterations(int limit) {
        return new GeneralizedLinearModel(family, confidence, limit, intervals);
    }

    public GeneralizedLinearModel withIntervals(IntervalType type) {
        return new GeneralizedLinearModel(family, confidence, maxIterations, type);
    }

    public Family family() {
        return family;
    }

    public double confidence() {
        return confidence;
    }

    /** Fits the model; bad outcomes or a singular design throw {@link InvalidInputException}. */
    public GlmFit fit(Design design) {
        int n = design.rows();
        int p = design.columnCount();
        List<InputViolation> problems = new ArrayList<>(family.check(design.response(), design.y()));
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
        Irls irls = new Irls(family, x, y, design.offset());
        Collinearity.requireFullRank(
                Collinearity.aliasedFromGram(
                        CrossProducts.unpack(irls.startingGram(), p), Collinearity.R_DEFAULT_TOLERANCE),
                design.columnNames());
        Irls.Result res = irls.run(null, maxIterations, STEP_TOLERANCE);
        if (res == null || res.solver() == null) {
            throw new InvalidInputException(InputViolation.ofData(
                    InputViolation.SINGULAR_DESIGN,
                    "the weighted design became singular during fitting; check for separation or empty categories"));
        }
        double[] beta = res.last().beta();
        double[][] cov = res.solver().inverse();
        double[] eta = irls.eta();
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            fitted[i] = family.mean(eta[i]);
        }

        List<FitWarning> warnings = new ArrayList<>();
        if (design.droppedRows() > 0) {
            warnings.add(new FitWarning(
                    FitWarning.ROWS_DROPPED, design.droppedRows() + " rows with missing values were left out"));
        }
        Separation separation = null;
        boolean suspicious = !res.converged() || res.last().boundary() > 0;
        if (suspicious) {
            separation = SeparationCheck.fromDirection(family, x, y, res.lastStep(), design.columnNames());
        }
        if (separation != null) {
            warnings.add(SeparationCheck.warning(family, separation));
        } else if (!res.converged()) {
            warnings.add(new FitWarning(
                    FitWarning.NOT_CONVERGED,
                    "IRLS did not converge in " + maxIterations + " iterations; estimates are unreliable"));
        }
        if (family == Family.BINOMIAL_LOGIT && res.last().boundary() > 0) {
            warnings.add(new FitWarning(
                    FitWarning.FITTED_AT_BOUNDARY,
                    "fitted probabilities numerically 0 or 1 occurred for "
                            + res.last().boundary() + " rows"));
        }

        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            coefs.add(Coefficient.wald(design.columnNames().get(j), beta[j], Math.sqrt(cov[j][j]), confidence));
        }
        if (intervals == IntervalType.PROFILE_LIKELIHOOD) {
            coefs = profileIntervals(design, beta, cov, res.last().deviance(), coefs, warnings);
        }
        double nullDev = nullDeviance(design);
        double ll = res.last().loglik();
        double aic = -2 * ll + 2 * p;
        return new GlmFit(
                family,
                design.columnNames(),
                beta,
                cov,
                coefs,
                res.last().deviance(),
                nullDev,
                ll,
                aic,
                n,
                res.iterations(),
                res.converged(),
                fitted,
                separation,
                intervals,
                confidence,
                warnings);
    }

    /**
     * Fitted means of the model with coefficient {@code column} held at {@code value} (the others
     * re-estimated by IRLS), e.g. to impose a null hypothesis. Returns null when the constrained fit fails.
     */
    public double[] constrainedMeans(Design design, int column, double value) {
        Design reduced = design.dropColumn(column);
        double[] xj = design.column(column);
        double[] offset = new double[xj.length];
        double[] base = design.offset();
        for (int i = 0; i < xj.length; i++) {
            offset[i] = value * xj[i] + (base == null ? 0 : base[i]);
        }
        double[] eta;
        if (reduced.columnCount() == 0) {
            eta = offset;
        } else {
            Irls irls = new Irls(family, reduced.columns(), design.y(), offset);
            Irls.Result r = irls.run(null, maxIterations, STEP_TOLERANCE);
            if (r == null) {
                return null;
            }
            irls.evaluate(r.last().beta());
            eta = irls.eta();
        }
        double[] mu = new double[eta.length];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = family.mean(eta[i]);
        }
        return mu;
    }

    /** Deviance of the intercept-only model (or of eta = 0 without an intercept), as R reports it. */
    private double nullDeviance(Design design) {
        double[] y = design.y();
        double[] off = design.offset();
        if (off != null) {
            // as R's glm.fit: the intercept-only model with the offset, or eta = offset without an intercept
            double[] eta = off;
            if (design.hasIntercept()) {
                double[] one = new double[y.length];
                java.util.Arrays.fill(one, 1.0);
                Irls irls = new Irls(family, new double[][] {one}, y, off);
                Irls.Result r = irls.run(null, maxIterations, STEP_TOLERANCE);
                if (r == null) {
                    return Double.NaN;
                }
                return r.last().deviance();
            }
            double dev = 0;
            for (int i = 0; i < y.length; i++) {
                dev += family.deviance(y[i], eta[i]);
            }
            return dev;
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double eta0 = design.hasIntercept() ? family.link(mean) : 0.0;
        double dev = 0;
        for (double v : y) {
            dev += family.deviance(v, eta0);
        }
        return dev;
    }

    private List<Coefficient> profileIntervals(
            Design design,
            double[] beta,
            double[][] cov,
            double minDeviance,
            List<Coefficient> wald,
            List<FitWarning> warnings) {
        double threshold = ChiSquaredDistribution.of(1).inverseCumulativeProbability(confidence);
        int p = beta.length;
        double[][] limits = new double[p][];
        IntStream.range(0, p).parallel().forEach(j -> {
            Profiler.Constrained f = constrained(design, beta, j);
            double se = Math.sqrt(cov[j][j]);
            limits[j] = new double[] {
                Profiler.limit(f, beta[j], se, minDeviance, threshold, -1),
                Profiler.limit(f, beta[j], se, minDeviance, threshold, +1)
            };
        });
        List<Coefficient> out = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            out.add(wald.get(j).withInterval(limits[j][0], limits[j][1]));
            if (Double.isInfinite(limits[j][0]) || Double.isInfinite(limits[j][1])) {
                warnings.add(new FitWarning(
                        FitWarning.PROFILE_LIMIT_NOT_FOUND,
                        "the profile likelihood of " + design.columnNames().get(j)
                                + " does not fall far enough on one side; that limit is infinite"));
            }
        }
        return out;
    }

    /** Minus twice the log-likelihood maximised with coefficient j fixed at b (deviance for 0/1 data). */
    private Profiler.Constrained constrained(Design design, double[] beta, int j) {
        Design reduced = design.dropColumn(j);
        double[] xj = design.column(j);
        double[] start = new double[beta.length - 1];
        for (int a = 0, b = 0; a < beta.length; a++) {
            if (a != j) {
                start[b++] = beta[a];
            }
        }
        return b -> {
            double[] offset = new double[xj.length];
            double[] base = design.offset();
            for (int i = 0; i < xj.length; i++) {
                offset[i] = b * xj[i] + (base == null ? 0 : base[i]);
            }
            if (reduced.columnCount() == 0) {
                double dev = 0;
                for (int i = 0; i < offset.length; i++) {
                    dev += family.deviance(design.y()[i], offset[i]);
                }
                return dev;
            }
            Irls irls = new Irls(family, reduced.columns(), design.y(), offset);
            Irls.Result r = irls.run(start, maxIterations, STEP_TOLERANCE);
            return r == null ? Double.NaN : r.last().deviance();
        };
    }
}
