package org.tfeval.stats.regression;

import java.util.List;
import java.util.Objects;

/**
 * Evidence that maximum-likelihood estimates do not exist: a direction {@code d} in coefficient space
 * along which the likelihood keeps increasing. For logistic models {@code complete} means every row is
 * predicted perfectly along {@code d}; otherwise the separation is quasi-complete (ties on the
 * boundary). {@code terms} are the coefficients that move along {@code d} (their estimates diverge).
 */
public record Separation(boolean complete, List<String> terms, double[] direction) {

    public Separation {
        terms = List.copyOf(terms);
        Objects.requireNonNull(direction, "direction");
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a separation involves at least one term");
        }
    }
}
