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

    public InvalidRowException(long rowNumber, String variable, Reason reason, String rule) {
        super("row " + rowNumber + (variable == null ? "" : ", variable " + variable) + ": " + rule);
        this.rowNumber = rowNumber;
        this.variable = variable;
        this.reason = reason;
    }

    /** 1-based. */
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
