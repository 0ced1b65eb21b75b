package org.tfeval.instrument;

/**
 * A cell holding a reserved missing code instead of a value.
 *
 * @param code the missing code (-9 not recorded, -8 unknown, -7 not applicable, -6 suppressed)
 */
public record Missing(int code) {
    public Missing {
        if (code >= 0) {
            throw new IllegalArgumentException("missing code " + code + " must be negative");
        }
    }

    /** The code for "not applicable" (skip logic), fixed by the instrument conventions. */
    public static final int NOT_APPLICABLE = -7;

    /** Whether this is "not applicable": a definite absence, unlike not recorded or unknown. */
    public boolean isNotApplicable() {
        return code == NOT_APPLICABLE;
    }

    @Override
    public String toString() {
        return Integer.toString(code);
    }
}
