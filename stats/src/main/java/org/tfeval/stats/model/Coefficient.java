package org.tfeval.stats.model;

import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * One row of a coefficient table. {@code df} is the reference t distribution's degrees of freedom, or
 * {@link Double#POSITIVE_INFINITY} when the reference distribution is the standard normal. Statistics
 * that an inference method does not give (a bootstrap has no standard error) are NaN.
 */
public record Coefficient(
        String term, double estimate, double stdError, double ciLow, double ciHigh, double pValue, double df) {

    public Coefficient {
        Objects.requireNonNull(term, "term");
        if (term.isBlank()) {
            throw new IllegalArgumentException("coefficient term must not be blank");
        }
        if (stdError < 0) {
            throw new IllegalArgumentException("standard error of '" + term + "' must be >= 0, got " + stdError);
        }
        if (pValue < 0 || pValue > 1) {
            throw new IllegalArgumentException("p-value of '" + term + "' must lie in [0, 1], got " + pValue);
        }
        if (ciLow > ciHigh) {
            throw new IllegalArgumentException("interval of '" + term + "' has low " + ciLow + " > high " + ciHigh);
        }
        if (df <= 0) {
            throw new IllegalArgumentException("df of '" + term + "' must be > 0, got " + df);
        }
    }

    /**
     * Wald row with a standard normal reference: interval {@code est -/+ z se}, two-sided p-value of
     * {@code est / se}.
     */
    public static Coefficient wald(String term, double estimate, double stdError, double confidence) {
        NormalDistribution z = NormalDistribution.of(0, 1);
        double q = z.inverseSurvivalProbability((1 - confidence) / 2);
        double p =
                stdError > 0 ? 2 * z.survivalProbability(Math.abs(estimate / stdError)) : (estimate == 0 ? 1.0 : 0.0);
        if (Double.isNaN(estimate) || Double.isNaN(stdError)) {
            p = Double.NaN;
        }
        return new Coefficient(
                term,
                estimate,
                stdError,
                estimate - q * stdError,
                estimate + q * stdError,
                p,
                Double.POSITIVE_INFINITY);
    }

    /** Row with a t reference on {@code df} degrees of freedom (infinite df falls back to {@link #wald}). */
    public static Coefficient t(String term, double estimate, double stdError, double df, double confidence) {
        if (df == Double.POSITIVE_INFINITY) {
            return wald(term, estimate, stdError, confidence);
        }
        TDistribution t = TDistribution.of(df);
        double q = t.inverseSurvivalProbability((1 - confidence) / 2);
        double p =
                stdError > 0 ? 2 * t.survivalProbability(Math.abs(estimate / stdError)) : (estimate == 0 ? 1.0 : 0.0);
        if (Double.isNaN(estimate) || Double.isNaN(stdError)) {
            p = Double.NaN;
        }
        return new Coefficient(term, estimate, stdError, estimate - q * stdError, estimate + q * stdError, p, df);
    }

    /** Whether the reference distribution is normal (no finite df). */
    public boolean normalReference() {
        return df == Double.POSITIVE_INFINITY;
    }

    /** A copy with another interval. */
    public Coefficient withInterval(double low, double high) {
        return new Coefficient(term, estimate, stdError, low, high, pValue, df);
    }
}
