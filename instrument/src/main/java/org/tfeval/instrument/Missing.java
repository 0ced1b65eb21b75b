package org.tfeval.instrument;

/**
 * A cell holding a reserved missing code instead of a value.
 *
 * @param code the number of a {@link MissingCode} (-9 not recorded, -8 unknown, -7 not applicable, -6 suppressed)
 */
public record Missing(int code) {
    public Missing {
        if (!MissingCode.isReserved(code)) {
            throw new IllegalArgumentException(
                    "missing code " + code + " is not one of the reserved codes " + MissingCode.sqlList());
        }
    }

    /** The cell for a reserved code. */
    public static Missing of(MissingCode code) {
        return new Missing(code.code());
    }

    /** Which reserved code the cell holds. */
    public MissingCode missingCode() {
        return MissingCode.ofCode(code).orElseThrow();
    }

    /** Whether this is "not applicable": a definite absence, unlike not recorded or unknown. */
    public boolean isNotApplicable() {
        return missingCode().isDefiniteAbsence();
    }

    @Override
    public String toString() {
        return Integer.toString(code);
    }
}
