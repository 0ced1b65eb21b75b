package org.tfeval.stats.robust;

import java.util.List;
import java.util.Objects;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;

/**
 * Wild cluster bootstrap inference: per coefficient the estimate, its CR1 standard error, the bootstrap
 * p-value of {@code H0: b = 0} and the interval from inverting the bootstrap test (NaN where the
 * inversion did not bracket). {@code enumerated} is true when every Rademacher sign pattern was used
 * (then the p-values are exact for the bootstrap distribution and the seed is irrelevant).
 */
public record WildBootstrapFit(
        String method,
        BootstrapWeights weights,
        boolean enumerated,
        int draws,
        long seed,
        String cluster,
        int clusters,
        List<Coefficient> coefficients,
        List<FitWarning> warnings) {

    public WildBootstrapFit {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(weights, "weights");
        coefficients = List.copyOf(coefficients);
        warnings = List.copyOf(warnings);
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be >= 1, got " + draws);
        }
    }

    /** Words for reports. */
    public String describe() {
        return method + " by " + cluster + " (" + clusters + " clusters), "
                + weights.name().toLowerCase() + " weights, "
                + (enumerated ? "all " + draws + " sign patterns enumerated" : draws + " draws, seed " + seed);
    }
}
