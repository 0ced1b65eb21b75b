package org.tfeval.stats.mixed;

import java.util.List;
import java.util.Objects;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.model.ModelSummary;

/**
 * A random-intercept logistic fit. {@code covariance} is the fixed-effects block of twice the inverse
 * Hessian of the deviance over (SD, fixed effects), as lme4 reports for nAGQ >= 1.
 * {@code groupIntercepts} are the conditional modes {@code sigma * u_k} by group label.
 * {@code quadraturePoints} = 1 means the Laplace approximation.
 */
public record GlmmFit(
        List<String> terms,
        double[] estimates,
        double[][] covariance,
        List<Coefficient> coefficients,
        double randomInterceptSd,
        double loglik,
        int n,
        String groupColumn,
        List<String> groupLabels,
        double[] groupIntercepts,
        int quadraturePoints,
        int iterations,
        boolean converged,
        double confidence,
        List<FitWarning> warnings) {

    public GlmmFit {
        terms = List.copyOf(terms);
        coefficients = List.copyOf(coefficients);
        groupLabels = List.copyOf(groupLabels);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(groupColumn, "groupColumn");
        if (estimates.length != terms.size() || covariance.length != terms.size()) {
            throw new IllegalArgumentException("estimates and covariance must match the " + terms.size() + " terms");
        }
        if (groupIntercepts.length != groupLabels.size()) {
            throw new IllegalArgumentException("one conditional mode per group is required");
        }
        if (randomInterceptSd < 0) {
            throw new IllegalArgumentException("random-intercept SD must be >= 0, got " + randomInterceptSd);
        }
        if (quadraturePoints < 1) {
            throw new IllegalArgumentException("quadrature points must be >= 1, got " + quadraturePoints);
        }
    }

    /** {@code -2 loglik}. */
    public double deviance() {
        return -2 * loglik;
    }

    /** AIC counting the fixed effects and the SD. */
    public double aic() {
        return deviance() + 2 * (terms.size() + 1);
    }

    /** Number of groups. */
    public int groups() {
        return groupLabels.size();
    }

    /** Flat summary. */
    public ModelSummary summary() {
        String method = quadraturePoints == 1 ? "Laplace" : "adaptive Gauss-Hermite, " + quadraturePoints + " points";
        return new ModelSummary(
                "glmm-logit",
                n,
                converged,
                iterations,
                coefficients,
                loglik,
                deviance(),
                aic(),
                randomInterceptSd,
                "Wald z from the Hessian of the " + method + " deviance",
                confidence,
                warnings);
    }
}
