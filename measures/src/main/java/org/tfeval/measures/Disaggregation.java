package org.tfeval.measures;

import java.util.Objects;

/**
 * The breakdown a value belongs to: the total ({@link #TOTAL}) or one category of one dimension, written
 * {@code age=minor} in the DISAGGREGATION column (empty for the total).
 *
 * @param dimension the dimension name, empty for the total
 * @param category  the category, empty for the total
 */
public record Disaggregation(String dimension, String category) implements Comparable<Disaggregation> {
    public static final Disaggregation TOTAL = new Disaggregation("", "");

    public Disaggregation {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(category, "category");
        if (dimension.isEmpty() != category.isEmpty())
            throw new IllegalArgumentException("a disaggregation needs both a dimension and a category");
    }

    /** Parses a DISAGGREGATION cell ({@code age=minor}; blank or {@code total} is the total). */
    public static Disaggregation parse(String cell) {
        String s = cell == null ? "" : cell.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("total")) return TOTAL;
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1 || s.indexOf('=', eq + 1) >= 0)
            throw new IllegalArgumentException("a disaggregation is written dimension=category");
        return new Disaggregation(
                s.substring(0, eq).strip(), s.substring(eq + 1).strip());
    }

    public boolean isTotal() {
        return dimension.isEmpty();
    }

    /** The DISAGGREGATION cell. */
    public String cell() {
        return isTotal() ? "" : dimension + "=" + category;
    }

    @Override
    public int compareTo(Disaggregation o) {
        int c = dimension.compareTo(o.dimension);
        return c != 0 ? c : category.compareTo(o.category);
    }

    @Override
    public String toString() {
        return isTotal() ? "total" : cell();
    }
}
