package org.tfeval.instrument.measures;

import java.util.Objects;

/**
 * A rate the trends show: one measure per unit of another, both of the same task force and quarter.
 *
 * @param id          the rate's ID
 * @param label       words for tables and charts
 * @param numerator   measure ID
 * @param denominator measure ID
 */
public record Rate(String id, String label, String numerator, String denominator) {
    public Rate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(numerator, "numerator of rate " + id);
        Objects.requireNonNull(denominator, "denominator of rate " + id);
    }
}
