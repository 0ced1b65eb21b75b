package org.tfeval.stats.frame;

import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

/** A text (categorical) column; {@code null} marks a missing value. Immutable. */
public final class StringColumn implements Column {

    private final String name;
    private final String[] values;

    public StringColumn(String name, String[] values) {
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
        return values[row] == null;
    }

    /** The value at {@code row}; null when missing. */
    public String get(int row) {
        return values[row];
    }

    /** A copy of all values. */
    public String[] values() {
        return values.clone();
    }

    /** Distinct non-missing values in natural (alphabetical, code point) order. */
    public String[] levels() {
        TreeSet<String> set = new TreeSet<>();
        for (String v : values) {
            if (v != null) {
                set.add(v);
            }
        }
        return set.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "StringColumn[" + name + ", " + values.length + " rows, "
                + Arrays.asList(levels()).size() + " levels]";
    }
}
