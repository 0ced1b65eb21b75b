package org.tfeval.store.query;

import java.util.Arrays;
import java.util.Locale;

/** Where a query stands. */
public enum QueryStatus {
    /** Waiting for the coder. */
    OPEN,
    /** The coder answered; waiting for the coordinator. */
    ANSWERED,
    /** Settled. */
    CLOSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a message may move a query from this status to {@code next}: coders answer open
     * queries; coordinators close, reopen or comment. Staying in the same status (a comment) is
     * allowed except on a closed query.
     */
    public boolean mayMoveTo(QueryStatus next, boolean coordinator) {
        if (this == CLOSED) return coordinator && next == OPEN;
        if (next == this) return true;
        return switch (next) {
            case ANSWERED -> this == OPEN;
            case CLOSED -> coordinator;
            case OPEN -> coordinator && this == ANSWERED;
        };
    }

    public static QueryStatus of(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown query status '" + id + "'"));
    }
}
