package org.tfeval.stats.robust;

import java.util.Objects;
import org.tfeval.stats.model.Coefficient;

/**
 * The wild cluster bootstrap's answer for one coefficient: the estimate and its CR1 standard error, the
 * bootstrap p-value of {@code H0: b = 0}, and the interval from inverting the bootstrap test.
 *
 * <p>An interval limit is {@link Bound#UNBOUNDED} (and the limit infinite) when the bootstrap p-value does
 * not fall below {@code 1 - confidence} on that side within the search range, or when the restricted
 * model stops existing there (fitted probabilities of 0 or 1): the data do not reject any value on that
 * side. {@code failure} is null when the p-value exists; otherwise the p-value is NaN and {@code failure}
 * says why (for this coefficient only; the other coefficients keep theirs).
 */
public record BootstrapTest(
        String term,
        double estimate,
        double stdError,
        double pValue,
        double ciLow,
        double ciHigh,
        Bound lowBound,
        Bound highBound,
        String failure) {

    /** Whether an interval limit was found or the p-value curve never crossed the level on that side. */
    public enum Bound {
        /** The limit is where the bootstrap p-value crosses {@code 1 - confidence}. */
        FOUND,
        /** No crossing on this side: the limit is infinite (no value on that side is rejected). */
        UNBOUNDED,
        /** Not computed because the p-value at 0 does not exist. */
        NOT_COMPUTED;

        /** Words for a table's note. */
        public String describe() {
            return name().toLowerCase().replace('_', ' ');
        }
    }

    public BootstrapTest {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(lowBound, "lowBound");
        Objects.requireNonNull(highBound, "highBound");
        if (pValue < 0 || pValue > 1) {
            throw new IllegalArgumentException("p-value of '" + term + "' must lie in [0, 1], got " + pValue);
        }
        if (Double.isNaN(pValue) != (failure != null)) {
            throw new IllegalArgumentException("'" + term + "': a NaN p-value needs a reason and only then");
        }
        if (lowBound == Bound.UNBOUNDED && ciLow != Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("'" + term + "': an unbounded low limit must be -Infinity");
        }
        if (highBound == Bound.UNBOUNDED && ciHigh != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("'" + term + "': an unbounded high limit must be +Infinity");
        }
    }

    /** Whether the p-value exists. */
    public boolean tested() {
        return failure == null;
    }

    /** The row for a coefficient table (limits infinite where unbounded, NaN where not computed). */
    public Coefficient coefficient() {
        return new Coefficient(term, estimate, stdError, ciLow, ciHigh, pValue, Double.NaN);
    }
}
