package org.tfeval.stats.modeling;

import java.util.Map;
import java.util.Objects;
import org.tfeval.stats.mixed.ModeIteration;
import org.tfeval.stats.regression.IntervalType;
import org.tfeval.stats.robust.ClusterCovariance;

/**
 * What to fit: model, formula (R notation), reference levels for categorical predictors, and the
 * inference: {@code cluster} with a {@code covariance} type, or with {@code wildBootstrap} (then
 * {@code bootstrapDraws} and {@code seed}); {@code group} and {@code quadraturePoints} for the mixed model.
 * Build with {@link #of} and the {@code with...} methods; a glmm-logit request is complete once it has a
 * group ({@link ModelFitter} checks).
 */
public record ModelRequest(
        ModelKind kind,
        String formula,
        Map<String, String> referenceLevels,
        java.util.Set<String> categorical,
        String cluster,
        ClusterCovariance covariance,
        boolean wildBootstrap,
        int bootstrapDraws,
        long seed,
        String group,
        int quadraturePoints,
        ModeIteration modeIteration,
        IntervalType intervals,
        double confidence) {

    /** Default wild-bootstrap draws. */
    public static final int DEFAULT_DRAWS = 999;

    /** Default seed. */
    public static final long DEFAULT_SEED = 20_240_601L;

    public ModelRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(modeIteration, "modeIteration");
        Objects.requireNonNull(intervals, "intervals");
        referenceLevels = Map.copyOf(referenceLevels);
        categorical = java.util.Set.copyOf(categorical);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        if (quadraturePoints < 1) {
            throw new IllegalArgumentException("quadrature points must be >= 1, got " + quadraturePoints);
        }
        if (bootstrapDraws < 19) {
            throw new IllegalArgumentException("bootstrap draws must be >= 19, got " + bootstrapDraws);
        }
        if ((covariance != null || wildBootstrap) && cluster == null) {
            throw new IllegalArgumentException("a cluster-robust covariance or wild bootstrap needs a cluster column");
        }
        if (covariance != null && wildBootstrap) {
            throw new IllegalArgumentException("choose either a cluster-robust covariance or the wild bootstrap");
        }
        if (cluster != null && !kind.supportsClusterInference()) {
            throw new IllegalArgumentException(
                    "cluster-robust inference is available for ols, logit and poisson, not " + kind.label());
        }
        if (kind != ModelKind.GLMM_LOGIT && group != null) {
            throw new IllegalArgumentException("a group column only applies to model glmm-logit");
        }
    }

    /** Model-based inference, 95%, no clusters. */
    public static ModelRequest of(ModelKind kind, String formula) {
        return new ModelRequest(
                kind,
                formula,
                Map.of(),
                java.util.Set.of(),
                null,
                null,
                false,
                DEFAULT_DRAWS,
                DEFAULT_SEED,
                null,
                1,
                ModeIteration.EXACT,
                kind == ModelKind.FIRTH ? IntervalType.PROFILE_LIKELIHOOD : IntervalType.WALD,
                0.95);
    }

    /** Numeric columns to treat as categorical (levels = their distinct values, in numeric order). */
    public ModelRequest withCategorical(java.util.Set<String> columns) {
        return new ModelRequest(
                kind,
                formula,
                referenceLevels,
                columns,
                cluster,
                covariance,
                wildBootstrap,
                bootstrapDraws,
                seed,
                group,
                quadraturePoints,
                modeIteration,
                intervals,
                confidence);
    }

    public ModelRequest withReferenceLevels(Map<String, String> levels) {
        return new ModelRequest(
                kind,
                formula,
                levels,
                categorical,
                cluster,
                covariance,
                wildBootstrap,
                bootstrapDraws,
                seed,
                group,
                quadraturePoints,
                modeIteration,
                intervals,
                confidence);
    }

    /** Cluster-robust covariance by {@code column}. */
    public ModelRequest withClusterCovariance(String column, ClusterCovariance type) {
        return new ModelRequest(
                kind,
                formula,
                referenceLevels,
                categorical,
                column,
                type,
                false,
                bootstrapDraws,
                seed,
                group,
                quadraturePoints,
                modeIteration,
                intervals,
                confidence);
    }

    /** Wild cluster bootstrap by {@code column}. */
    public ModelRequest withWildBootstrap(String column, int draws, long bootstrapSeed) {
        return new ModelRequest(
                kind,
                formula,
                referenceLevels,
                categorical,
                column,
                null,
                true,
                draws,
                bootstrapSeed,
                group,
                quadraturePoints,
                modeIteration,
                intervals,
                confidence);
    }

    /** Random intercept by {@code column}, with {@code points} quadrature nodes (1 = Laplace). */
    public ModelRequest withGroup(String column, int points) {
        return new ModelRequest(
                kind,
                formula,
                referenceLevels,
                categorical,
                cluster,
                covariance,
                wildBootstrap,
                bootstrapDraws,
                seed,
                column,
                points,
                modeIteration,
                intervals,
                confidence);
    }

    public ModelRequest withModeIteration(ModeIteration mode) {
        return new ModelRequest(
                kind,
                formula,
                referenceLevels,
                categorical,
                cluster,
                covariance,
                wildBootstrap,
                bootstrapDraws,
                seed,
                group,
                quadraturePoints,
                mode,
                intervals,
                confidence);
    }

    public ModelRequest withIntervals(IntervalType type) {
        return new ModelRequest(
                kind,
                formula,
                referenceLevels,
                categorical,
                cluster,
                covariance,
                wildBootstrap,
                bootstrapDraws,
                seed,
                group,
                quadraturePoints,
                modeIteration,
                type,
                confidence);
    }

    public ModelRequest withConfidence(double level) {
        return new ModelRequest(
                kind,
                formula,
                referenceLevels,
                categorical,
                cluster,
                covariance,
                wildBootstrap,
                bootstrapDraws,
                seed,
                group,
                quadraturePoints,
                modeIteration,
                intervals,
                level);
    }
}
