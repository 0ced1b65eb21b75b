package org.tfeval.study.access;

import java.time.LocalDate;

/** Where an access stands on a day: what the stored status and the access's end say together. */
public enum AccessState {
    /** Waiting for the steward's decision. */
    SUBMITTED("submitted", false, false),
    /** Approved and within its term: packages may be issued. */
    ACTIVE("active", true, true),
    /** Approved, but its term ended: renew it, or record the destruction certificate. */
    EXPIRED("expired", false, true),
    /** Refused by the steward. */
    DENIED("denied", false, false),
    /** The destruction certificate is recorded: the access is over. */
    CLOSED("closed (data destroyed)", false, false);

    private final String label;
    private final boolean issues;
    private final boolean holdsData;

    AccessState(String label, boolean issues, boolean holdsData) {
        this.label = label;
        this.issues = issues;
        this.holdsData = holdsData;
    }

    /** Words for people. */
    public String label() {
        return label;
    }

    /** Whether a restricted package may be issued under the access. */
    public boolean mayIssue() {
        return issues;
    }

    /** Whether the recipient may hold data (so reports, renewal and the destruction certificate apply). */
    public boolean holdsData() {
        return holdsData;
    }

    /** The state of a stored status whose access ends on {@code expiresOn} (last day of access), on {@code today}. */
    static AccessState of(String status, LocalDate expiresOn, LocalDate today) {
        switch (status) {
            case "submitted":
                return SUBMITTED;
            case "denied":
                return DENIED;
            case "closed":
                return CLOSED;
            case "approved":
                return today.isAfter(expiresOn) ? EXPIRED : ACTIVE;
            default:
                throw new IllegalStateException("unknown access status " + status);
        }
    }
}
