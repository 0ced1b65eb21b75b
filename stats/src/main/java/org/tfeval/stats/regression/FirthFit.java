package org.tfeval.stats.regression;

import java.util.List;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.model.ModelSummary;

/**
 * A Firth logistic fit: estimates, inverse-information covariance, coefficients with penalized
 * profile-likelihood intervals and penalized likelihood-ratio p-values (or Wald, if so configured), the
 * ordinary and penalized log-likelihoods at the estimate, and any separation found in the data.
 */
public record FirthFit(
        List<String> terms,
        double[] estimates,
        double[][] covariance,
        List<Coefficient> coefficients,
        double loglik,
        double penalizedLoglik,
        int n,
        int iterations,
        boolean converged,
        Separation separation,
        IntervalType intervals,
        double confidence,
        List<FitWarning> warnings) {

    public FirthFit {
        terms = List.copyOf(terms);
        coefficients = List.copyOf(coefficients);
        warnings = List.copyOf(warnings);
        if (estimates.length != terms.size() || covariance.length != terms.size()) {
            throw new IllegalArgumentException("estimates and covariance must match the " + terms.size() + " terms");
        }
    }

    /** Flat summary; deviance is {@code -2 loglik} (0/1 data), AIC counts the coefficients as usual. */
    public ModelSummary summary() {
        String inference = intervals == IntervalType.PROFILE_LIKELIHOOD
                ? "penalized profile likelihood intervals and LR p-values; SE from inverse Fisher information"
                : "Wald z";
        return new ModelSummary(
                "firth",
                n,
                converged,
                iterations,
                coefficients,
                loglik,
                -2 * loglik,
                -2 * loglik + 2 * terms.size(),
                Double.NaN,
                inference,
                confidence,
                warnings);
    }
}
