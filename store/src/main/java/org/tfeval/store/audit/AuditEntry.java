package org.tfeval.store.audit;

import java.util.Objects;

/**
 * What an audit event is about, before it is recorded: who did what, to which form, and why.
 *
 * @param actor      who
 * @param action     what ({@code import}, {@code edit}, {@code coding_save}, ...)
 * @param form       the form changed, or null
 * @param reason     why, as given, or null
 * @param detailJson JSON with the action's particulars: IDs, hashes and counts, never record values
 */
public record AuditEntry(String actor, String action, String form, String reason, String detailJson) {
    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detailJson, "detailJson");
        if (action.isBlank()) throw new IllegalArgumentException("an audit event needs an action");
    }

    /** The same entry with other particulars (known only once the changes are written, e.g. counts). */
    public AuditEntry withDetail(String json) {
        return new AuditEntry(actor, action, form, reason, json);
    }
}
