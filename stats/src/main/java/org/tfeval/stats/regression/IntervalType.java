package org.tfeval.stats.regression;

/** How confidence intervals for GLM coefficients are formed. */
public enum IntervalType {

    /** {@code estimate -/+ z * SE} ({@code confint.default} in R). */
    WALD("Wald"),

    /**
     * Profile likelihood: the coefficient values at which the deviance, maximised over the other
     * coefficients, exceeds its minimum by the chi-square(1) quantile ({@code MASS::confint.glm};
     * penalized likelihood for Firth, as {@code logistf}).
     */
    PROFILE_LIKELIHOOD("profile likelihood");

    private final String label;

    IntervalType(String label) {
        this.label = label;
    }

    /** Words for reports. */
    public String label() {
        return label;
    }
}
