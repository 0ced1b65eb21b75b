package org.tfeval.analysis.data;

import java.util.Objects;

/**
 * A column of integer codes or counts as stored in the snapshot: missing codes stay negative
 * ({@code -9} not recorded, {@code -8} unknown, {@code -7} not applicable). Read-only view.
 */
public final class IntColumn {
    private final String name;
    private final int[] values;

    IntColumn(String name, int[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
    }

    /** A column of the given values (copied); for tests and derived columns. */
    public static IntColumn of(String name, int... values) {
        return new IntColumn(name, values.clone());
    }

    public String name() {
        return name;
    }

    public int size() {
        return values.length;
    }

    /** The code at {@code row}. */
    public int get(int row) {
        return values[row];
    }

    /** Whether the value at {@code row} is a reserved missing code (negative). */
    public boolean isMissing(int row) {
        return values[row] < 0;
    }
}
