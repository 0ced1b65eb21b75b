package org.tfeval.instrument.expression;

/** Three-valued truth: comparisons with missing values are unknown, as in SQL. */
public enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }

    Truth and(Truth o) {
        if (this == FALSE || o == FALSE) return FALSE;
        if (this == UNKNOWN || o == UNKNOWN) return UNKNOWN;
        return TRUE;
    }

    Truth or(Truth o) {
        if (this == TRUE || o == TRUE) return TRUE;
        if (this == UNKNOWN || o == UNKNOWN) return UNKNOWN;
        return FALSE;
    }

    Truth not() {
        return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
    }
}
