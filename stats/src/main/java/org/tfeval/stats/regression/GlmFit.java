package org.tfeval.stats.regression;

import java.util.List;
import java.util.Objects;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.model.ModelSummary;

/**
 * A fitted GLM. {@code covariance} is the inverse Fisher information {@code (X'WX)^-1} at the estimate;
 * {@code fitted} holds the fitted means per design row, which cluster-robust covariances need.
 * {@code separation} is null when none was detected.
 */
public record GlmFit(
        Family family,
        List<String> terms,
        double[] estimates,
        double[][] covariance,
        List<Coefficient> coefficients,
        double deviance,
        double nullDeviance,
        double loglik,
        double aic,
        int n,
        int iterations,
        boolean converged,
        double[] fitted,
        Separation separation,
        IntervalType intervals,
        double confidence,
        List<FitWarning> warnings) {

    public GlmFit {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(intervals, "intervals");
        terms = List.copyOf(terms);
        coefficients = List.copyOf(coefficients);
        warnings = List.copyOf(warnings);
        if (estimates.length != terms.size() || covariance.length != terms.size()) {
            throw new IllegalArgumentException("estimates and covariance must match the " + terms.size() + " terms");
        }
        if (fitted.length != n) {
            throw new IllegalArgumentException("fitted values must have n = " + n + " entries");
        }
    }

    /** Standard error of coefficient {@code j} from the model-based covariance. */
    public double stdError(int j) {
        return Math.sqrt(covariance[j][j]);
    }

    /** Flat summary for reports and the CLI. */
    public ModelSummary summary() {
        return new ModelSummary(
                family.modelName(),
                n,
                converged,
                iterations,
                coefficients,
                loglik,
                deviance,
                aic,
                Double.NaN,
                intervals == IntervalType.WALD ? "Wald z" : "Wald z tests, " + intervals.label() + " intervals",
                confidence,
                warnings);
    }
}
