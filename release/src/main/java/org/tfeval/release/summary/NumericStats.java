package org.tfeval.release.summary;

import java.util.OptionalDouble;

/**
 * Summary statistics of the valid values of a numeric variable (missing codes and system missing
 * excluded).
 *
 * @param count number of valid values, at least 1
 * @param standardDeviation sample standard deviation (divisor n - 1), empty when count is 1
 */
public record NumericStats(long count, double min, double max, double mean, OptionalDouble standardDeviation) {

    public NumericStats {
        if (count < 1) {
            throw new IllegalArgumentException("numeric statistics need at least one value, not " + count);
        }
        if (!(min <= mean && mean <= max)) {
            throw new IllegalArgumentException("mean " + mean + " outside [" + min + ", " + max + "]");
        }
        if (standardDeviation == null || (count == 1) != standardDeviation.isEmpty()) {
            throw new IllegalArgumentException("standard deviation must be given exactly when count > 1");
        }
    }
}
