package org.tfeval.stats.design;

import java.util.Objects;

/**
 * One variable inside a term: a column, raised to {@code power} when numeric ({@code I(x^2)} has power
 * 2). Categorical columns always have power 1.
 */
public record Factor(String column, int power) {

    /** Largest polynomial degree accepted in {@code I(x^k)}. */
    public static final int MAX_POWER = 20;

    public Factor {
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException("factor column name must not be blank");
        }
        if (power < 1 || power > MAX_POWER) {
            throw new IllegalArgumentException("power must be in 1.." + MAX_POWER + ", got " + power);
        }
    }

    /** Plain column factor. */
    public static Factor of(String column) {
        return new Factor(column, 1);
    }

    /** {@code x} or {@code x^k}. */
    public String label() {
        return power == 1 ? column : column + "^" + power;
    }
}
