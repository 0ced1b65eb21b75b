package org.tfeval.stats.model;

import java.util.Objects;

/** A diagnostic raised while fitting: a stable {@code code} and a sentence for the analyst. */
public record FitWarning(String code, String message) {

    /** Iterations stopped before the convergence criterion was met. */
    public static final String NOT_CONVERGED = "not-converged";
    /** Outcome classes are completely separated by a linear combination of predictors. */
    public static final String COMPLETE_SEPARATION = "complete-separation";
    /** Outcome classes are quasi-completely separated (some estimates are infinite). */
    public static final String QUASI_COMPLETE_SEPARATION = "quasi-complete-separation";
    /** Zero counts force some Poisson estimates to minus infinity. */
    public static final String INFINITE_ESTIMATE = "infinite-estimate";
    /** Fitted probabilities numerically 0 or 1 occurred. */
    public static final String FITTED_AT_BOUNDARY = "fitted-at-boundary";
    /** Rows were dropped because of missing values. */
    public static final String ROWS_DROPPED = "rows-dropped";
    /** Few clusters for cluster-robust inference. */
    public static final String FEW_CLUSTERS = "few-clusters";
    /** Expected cell counts too small for the chi-square approximation. */
    public static final String SMALL_EXPECTED_COUNTS = "small-expected-counts";
    /** A variance component was estimated at its boundary (zero). */
    public static final String BOUNDARY_VARIANCE = "boundary-variance";
    /** A profile-likelihood limit could not be found within the search range. */
    public static final String PROFILE_LIMIT_NOT_FOUND = "profile-limit-not-found";

    /** The design's condition index exceeds {@link org.tfeval.stats.design.ConditionIndex#WARNING_THRESHOLD}. */
    public static final String ILL_CONDITIONED = "ill-conditioned";

    public FitWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("warning code and message must not be blank");
        }
    }
}
