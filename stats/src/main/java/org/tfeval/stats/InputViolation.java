package org.tfeval.stats;

import java.util.Objects;

/**
 * One problem found in user data: a stable {@code code}, the column it concerns (or empty when it
 * concerns the whole data set), the 1-based data row (0 when it concerns no single row) and words a
 * coder understands. Messages name columns and terms, never cell values.
 */
public record InputViolation(String code, String column, long row, String message) {

    /** Column is absent from the data. */
    public static final String UNKNOWN_COLUMN = "unknown-column";
    /** A column that must hold numbers holds text. */
    public static final String NOT_NUMERIC = "not-numeric";
    /** A binary outcome holds values other than 0 and 1. */
    public static final String NOT_BINARY = "not-binary";
    /** A count outcome holds negative or non-integer values. */
    public static final String NOT_COUNT = "not-count";
    /** Design columns are linearly dependent. */
    public static final String SINGULAR_DESIGN = "singular-design";
    /** Too few usable rows for the model. */
    public static final String TOO_FEW_ROWS = "too-few-rows";
    /** The formula cannot be parsed. */
    public static final String BAD_FORMULA = "bad-formula";
    /** A categorical column has fewer than two levels, or a requested level is absent. */
    public static final String BAD_LEVEL = "bad-level";
    /** The CSV file cannot be read as a table. */
    public static final String BAD_CSV = "bad-csv";
    /** A value lies outside the range the estimator accepts (negative time, bad category...). */
    public static final String OUT_OF_RANGE = "out-of-range";

    public InputViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
        if (code.isBlank()) {
            throw new IllegalArgumentException("violation code must not be blank");
        }
        if (row < 0) {
            throw new IllegalArgumentException("row must be >= 0 (0 = no single row), got " + row);
        }
    }

    /** A violation about a whole column. */
    public static InputViolation ofColumn(String code, String column, String message) {
        return new InputViolation(code, column, 0, message);
    }

    /** A violation about the data set as a whole. */
    public static InputViolation ofData(String code, String message) {
        return new InputViolation(code, "", 0, message);
    }

    /** Human-readable one-line form: {@code column 'x' (row 12): message}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!column.isEmpty()) {
            b.append("column '").append(column).append("'");
            if (row > 0) {
                b.append(" (row ").append(row).append(')');
            }
            b.append(": ");
        } else if (row > 0) {
            b.append("row ").append(row).append(": ");
        }
        return b.append(message).toString();
    }
}
