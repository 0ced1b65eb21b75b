package org.tfeval.stats.model;

import java.util.List;
import java.util.Objects;

/**
 * The flat view of a fitted regression model. Statistics a model does not define are NaN: OLS has no
 * deviance-based AIC here, a GLM has no random-intercept SD. {@code inference} says how standard errors,
 * intervals and p-values were obtained (e.g. {@code "wald-z"}, {@code "CR2 with Satterthwaite df"}).
 */
public record ModelSummary(
        String model,
        int n,
        boolean converged,
        int iterations,
        List<Coefficient> coefficients,
        double loglik,
        double deviance,
        double aic,
        double randomInterceptSd,
        String inference,
        double confidence,
        List<FitWarning> warnings) {

    public ModelSummary {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(inference, "inference");
        coefficients = List.copyOf(coefficients);
        warnings = List.copyOf(warnings);
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
    }

    /** The coefficient for {@code term}. */
    public Coefficient coefficient(String term) {
        return coefficients.stream()
                .filter(c -> c.term().equals(term))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient named '" + term + "'"));
    }
}
