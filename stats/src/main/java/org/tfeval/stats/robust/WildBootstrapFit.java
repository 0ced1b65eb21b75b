package org.tfeval.stats.robust;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;

/**
 * Wild cluster bootstrap inference: per coefficient a {@link BootstrapTest} (p-value of {@code H0: b = 0},
 * interval limits with their {@link BootstrapTest.Bound}, or the reason there is no p-value), and the
 * same as coefficient-table rows. {@code enumerated} is true when every weight pattern was used (then the
 * p-values are exact for the bootstrap distribution and the seed is irrelevant). {@code pValueFloor} is the
 * smallest p-value the scheme can give: {@code 2 / support^G} when enumerated (the all-ones pattern and its
 * negation always reproduce the observed statistic), {@code 1 / (draws + 1)} for random draws.
 */
public record WildBootstrapFit(
        String method,
        BootstrapWeights weights,
        boolean enumerated,
        int draws,
        long seed,
        String cluster,
        int clusters,
        double pValueFloor,
        List<BootstrapTest> tests,
        List<FitWarning> warnings) {

    public WildBootstrapFit {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(weights, "weights");
        tests = List.copyOf(tests);
        warnings = List.copyOf(warnings);
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be >= 1, got " + draws);
        }
        if (!(pValueFloor > 0 && pValueFloor <= 1)) {
            throw new IllegalArgumentException("pValueFloor must lie in (0, 1], got " + pValueFloor);
        }
    }

    /** Coefficient-table rows (p-value NaN where the test does not exist, limits infinite where unbounded). */
    public List<Coefficient> coefficients() {
        return tests.stream().map(BootstrapTest::coefficient).toList();
    }

    /** Words for reports. */
    public String describe() {
        return method + " by " + cluster + " (" + clusters + " clusters), "
                + weights.name().toLowerCase(Locale.ROOT) + " weights, "
                + (enumerated
                        ? "all " + draws + (weights == BootstrapWeights.RADEMACHER ? " sign" : " weight")
                                + " patterns enumerated"
                        : draws + " draws, seed " + seed)
                + ", smallest attainable p-value " + String.format(Locale.ROOT, "%.4g", pValueFloor);
    }
}
