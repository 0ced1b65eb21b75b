package org.tfeval.analysis.data;

import java.util.Objects;

/** A decimal column: values as stored, missing codes negative. Read-only view. */
public final class DecimalColumn {
    private final String name;
    private final double[] values;

    DecimalColumn(String name, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
    }

    public String name() {
        return name;
    }

    public int size() {
        return values.length;
    }

    public double get(int row) {
        return values[row];
    }

    /** Whether the value is a reserved missing code (negative). */
    public boolean isMissing(int row) {
        return values[row] < 0;
    }
}
