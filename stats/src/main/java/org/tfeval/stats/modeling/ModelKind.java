package org.tfeval.stats.modeling;

/** Regression models the engine fits. */
public enum ModelKind {

    /** Ordinary least squares. */
    OLS("ols"),
    /** Logistic regression (maximum likelihood). */
    LOGIT("logit"),
    /** Poisson regression with log link. */
    POISSON("poisson"),
    /** Firth's penalized logistic regression. */
    FIRTH("firth"),
    /** Random-intercept logistic mixed model. */
    GLMM_LOGIT("glmm-logit");

    private final String label;

    ModelKind(String label) {
        this.label = label;
    }

    /** Name used on the command line and in reports. */
    public String label() {
        return label;
    }

    /** Whether cluster-robust covariances and the wild cluster bootstrap apply. */
    public boolean supportsClusterInference() {
        return this == OLS || this == LOGIT || this == POISSON;
    }

    /** Parses a label such as {@code glmm-logit} (case-insensitive; {@code _} accepted for {@code -}). */
    public static ModelKind parse(String text) {
        for (ModelKind k : values()) {
            if (k.label.equalsIgnoreCase(text) || k.name().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "unknown model '" + text + "'; use ols, logit, poisson, firth or glmm-logit");
    }
}
