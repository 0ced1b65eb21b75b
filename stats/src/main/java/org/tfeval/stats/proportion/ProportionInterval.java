package org.tfeval.stats.proportion;

import java.util.Objects;

/** A proportion {@code successes / trials} with its confidence interval. */
public record ProportionInterval(
        long successes,
        long trials,
        double estimate,
        double low,
        double high,
        IntervalMethod method,
        double confidence) {

    public ProportionInterval {
        Objects.requireNonNull(method, "method");
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "need 0 <= successes <= trials and trials >= 1, got " + successes + " of " + trials);
        }
        if (!(low <= estimate && estimate <= high) || low < 0 || high > 1) {
            throw new IllegalArgumentException(
                    "interval [" + low + ", " + high + "] must contain " + estimate + " within [0, 1]");
        }
    }
}
