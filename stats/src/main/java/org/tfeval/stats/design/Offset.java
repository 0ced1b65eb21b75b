package org.tfeval.stats.design;

import java.util.Objects;

/**
 * An offset in a model formula: {@code offset(x)} adds column {@code x} to the linear predictor with
 * coefficient 1, {@code offset(log(x))} adds its logarithm (an exposure in a Poisson rate model, as in R).
 */
public record Offset(String column, boolean log) {

    public Offset {
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException("offset column must not be blank");
        }
    }

    /** R-style text, {@code offset(log(x))} or {@code offset(x)}. */
    public String label() {
        return log ? "offset(log(" + column + "))" : "offset(" + column + ")";
    }

    /** The offset's value for a column value; NaN where the logarithm is not defined (value <= 0). */
    double apply(double value) {
        if (!log) {
            return value;
        }
        return value > 0 ? Math.log(value) : Double.NaN;
    }
}
