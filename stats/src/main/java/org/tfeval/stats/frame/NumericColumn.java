package org.tfeval.stats.frame;

import java.util.Arrays;
import java.util.Objects;

/** A numeric column; {@code NaN} marks a missing value. Immutable: the array is copied in and out. */
public final class NumericColumn implements Column {

    private final String name;
    private final double[] values;

    public NumericColumn(String name, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    /** The value at {@code row}; NaN when missing. */
    public double get(int row) {
        return values[row];
    }

    /** A copy of all values. */
    public double[] values() {
        return values.clone();
    }

    /** Values at the given rows, in that order. */
    public double[] values(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** Distinct non-missing values, ascending. */
    public double[] distinctValues() {
        return Arrays.stream(values)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .distinct()
                .toArray();
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + values.length + " rows]";
    }
}
