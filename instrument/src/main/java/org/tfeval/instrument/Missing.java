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

    @Override
    public String toString() {
        return Integer.toString(code);
    }
}
