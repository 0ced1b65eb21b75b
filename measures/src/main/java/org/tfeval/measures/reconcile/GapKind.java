package org.tfeval.measures.reconcile;

/** How a quarter of a pair compares. */
public enum GapKind {
    AGREES(false, "within tolerance"),
    DIFFERS(true, "the counts differ by more than the tolerance"),
    MISSING_LE(true, "the law-enforcement grantee reported nothing"),
    MISSING_VS(true, "the victim-service grantee reported nothing");

    private final boolean flagged;
    private final String words;

    GapKind(boolean flagged, String words) {
        this.flagged = flagged;
        this.words = words;
    }

    /** Whether the quarter needs an explanation. */
    public boolean flagged() {
        return flagged;
    }

    public String words() {
        return words;
    }
}
