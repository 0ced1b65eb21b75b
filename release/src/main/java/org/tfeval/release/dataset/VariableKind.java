package org.tfeval.release.dataset;

/** What a variable holds, and so which Java values its cells may carry. */
public enum VariableKind {
    /** Whole numbers, cells are {@link Long}; the only kind that takes value labels. */
    INTEGER(true),
    /** Numbers with a fractional part, cells are {@link Double}. */
    DECIMAL(true),
    /** Text, cells are {@link String}, at most a declared number of UTF-8 bytes. */
    STRING(false),
    /** Calendar dates, cells are {@link java.time.LocalDate}. */
    DATE(true);

    private final boolean takesMissingCodes;

    VariableKind(boolean takesMissingCodes) {
        this.takesMissingCodes = takesMissingCodes;
    }

    /** Whether cells may hold a reserved {@link org.tfeval.instrument.MissingCode}. Strings are missing only when empty. */
    public boolean takesMissingCodes() {
        return takesMissingCodes;
    }
}
