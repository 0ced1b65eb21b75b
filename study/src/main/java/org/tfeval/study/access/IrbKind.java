package org.tfeval.study.access;

import java.util.Arrays;
import java.util.Locale;

/** What the applicant's IRB (institutional review board) decided about the project. */
public enum IrbKind {
    /** The IRB approved the protocol, until a date. */
    APPROVAL("IRB approval", true),
    /** The IRB determined the project exempt; no end date. */
    EXEMPTION("IRB exemption", false);

    private final String label;
    private final boolean expires;

    IrbKind(String label, boolean expires) {
        this.label = label;
        this.expires = expires;
    }

    /** Words for people. */
    public String label() {
        return label;
    }

    /** Whether the determination has an end date that must be given (and is checked before an issue). */
    public boolean expires() {
        return expires;
    }

    /** The stored and submitted name ({@code approval}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IrbKind of(String id) {
        return Arrays.stream(values())
                .filter(k -> k.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("IRB determination must be approval or exemption"));
    }
}
