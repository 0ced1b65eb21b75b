package org.tfeval.stats.robust;

import java.util.List;
import java.util.Objects;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;

/**
 * Coefficients re-inferred with a cluster-robust covariance: standard errors from {@code covariance},
 * t or z tests with the df in each {@link Coefficient} (Satterthwaite per coefficient for CR2).
 */
public record RobustFit(
        ClusterCovariance type,
        String cluster,
        int clusters,
        List<Coefficient> coefficients,
        double[][] covariance,
        List<FitWarning> warnings) {

    public RobustFit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cluster, "cluster");
        coefficients = List.copyOf(coefficients);
        warnings = List.copyOf(warnings);
        if (clusters < 2) {
            throw new IllegalArgumentException("cluster-robust inference needs >= 2 clusters, got " + clusters);
        }
    }

    /** Words for reports, e.g. {@code "CR2 by site (12 clusters), Satterthwaite t"}. */
    public String describe() {
        String ref = type.adjustsResiduals()
                ? "Satterthwaite t"
                : (coefficients.isEmpty() || coefficients.get(0).normalReference()
                        ? "z"
                        : "t with " + (clusters - 1) + " df");
        return type + " by " + cluster + " (" + clusters + " clusters), " + ref;
    }
}
