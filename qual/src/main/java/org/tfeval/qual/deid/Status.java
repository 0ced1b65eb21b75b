package org.tfeval.qual.deid;

import java.util.Locale;

/** A suggestion's review status. */
public enum Status {
    /** Found, not yet decided. */
    SUGGESTED(false, false),
    /** The reviewer agreed: the span is replaced by a token. */
    ACCEPTED(true, true),
    /** The reviewer found it is not an identifier: the words stay. */
    REJECTED(true, false),
    /** The reviewer changed its span or category, and it is replaced. */
    EDITED(true, true),
    /** The reviewer marked a span no suggestion found; it is replaced. */
    ADDED(true, true);

    private final boolean decided;
    private final boolean replaced;

    Status(boolean decided, boolean replaced) {
        this.decided = decided;
        this.replaced = replaced;
    }

    /** Whether a person has decided it. */
    public boolean decided() {
        return decided;
    }

    /** Whether the span is replaced by a token when rendered. */
    public boolean replaced() {
        return replaced;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
