package org.tfeval.analysis;

/** What a result column holds, which decides the value type and how reports print it. */
public enum ColumnKind {
    /** Labels and keys: a String. */
    TEXT,
    /** A count of rows: a Long. Counts are what disclosure control suppresses. */
    COUNT,
    /** A proportion in [0, 1]: a Double, printed as a percentage. */
    PROPORTION,
    /** Any other number (estimate, ratio, days): a Double. */
    NUMBER,
    /** A p-value in [0, 1]: a Double. */
    P_VALUE;

    /** Whether {@code value} fits this kind ({@code null} is always allowed: not computed). */
    boolean accepts(Object value) {
        if (value == null) return true;
        return switch (this) {
            case TEXT -> value instanceof String;
            case COUNT -> value instanceof Long;
            case PROPORTION, P_VALUE -> value instanceof Double d && d >= 0 && d <= 1;
            case NUMBER -> value instanceof Double d && !d.isNaN();
        };
    }
}
