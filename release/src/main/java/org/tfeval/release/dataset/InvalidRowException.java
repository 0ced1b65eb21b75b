package org.tfeval.release.dataset;

/**
 * A row that does not fit its {@link DatasetSpec}. The message names the row number, the variable
 * and the rule, never the value, so no case data reaches logs.
 */
public final class InvalidRowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Stable codes for the kinds of problem. */
    public enum Reason {
        NULL_ROW,
        WRONG_ARITY,
        BAD_CELL,
        /** The value fits the dataset but not the file format (e.g. a string too long for Stata). */
        FORMAT_LIMIT
    }

    private final long rowNumber;
    private final String variable;
    private final Reason reason;

    /**
     * @param rowNumber 1-based, or 0 when the problem concerns a whole column (e.g. its longest value)
     * @param variable the variable, or {@code null} for the whole row
     */
    public InvalidRowException(long rowNumber, String variable, Reason reason, String rule) {
        super(location(rowNumber, variable) + ": " + rule);
        this.rowNumber = rowNumber;
        this.variable = variable;
        this.reason = reason;
    }

    private static String location(long rowNumber, String variable) {
        if (rowNumber <= 0) {
            return "variable " + variable;
        }
        return "row " + rowNumber + (variable == null ? "" : ", variable " + variable);
    }

    /** 1-based; 0 when the problem concerns the whole column. */
    public long rowNumber() {
        return rowNumber;
    }

    /** The variable name, or {@code null} when the whole row is wrong. */
    public String variable() {
        return variable;
    }

    public Reason reason() {
        return reason;
    }
}
