package org.tfeval.stats.regression;

import java.util.List;
import java.util.Objects;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.model.ModelSummary;

/**
 * An OLS fit: coefficients with t-based inference, covariance {@code s^2 (X'X)^-1}, residual SD,
 * R-squared (centred with an intercept, uncentred without, as NIST defines it), the ANOVA sums of
 * squares and F, the Gaussian log-likelihood, and how many refinement steps the solve took.
 */
public record LinearFit(
        List<String> terms,
        double[] estimates,
        double[][] covariance,
        List<Coefficient> coefficients,
        double residualSd,
        double rSquared,
        double residualSumOfSquares,
        double regressionSumOfSquares,
        int modelDf,
        int residualDf,
        double fStatistic,
        double loglik,
        int n,
        int refinementSteps,
        double confidence,
        List<FitWarning> warnings) {

    public LinearFit {
        terms = List.copyOf(terms);
        coefficients = List.copyOf(coefficients);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(covariance, "covariance");
        if (estimates.length != terms.size() || covariance.length != terms.size()) {
            throw new IllegalArgumentException("estimates and covariance must match the " + terms.size() + " terms");
        }
        if (residualDf < 1) {
            throw new IllegalArgumentException("residual df must be >= 1, got " + residualDf);
        }
    }

    /** Residual mean square {@code SSE / (n - p)}. */
    public double residualMeanSquare() {
        return residualSumOfSquares / residualDf;
    }

    /** Regression mean square. */
    public double regressionMeanSquare() {
        return regressionSumOfSquares / modelDf;
    }

    /** Flat summary; OLS has no deviance here, and AIC counts the variance as a parameter, as R's AIC does. */
    public ModelSummary summary() {
        double aic = -2 * loglik + 2 * (terms.size() + 1);
        return new ModelSummary(
                "ols",
                n,
                true,
                refinementSteps,
                coefficients,
                loglik,
                residualSumOfSquares,
                aic,
                Double.NaN,
                "t with " + residualDf + " df",
                confidence,
                warnings);
    }
}
