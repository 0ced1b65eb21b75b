package org.tfeval.store.audit;

import java.time.Instant;

/**
 * One change set in the audit log.
 *
 * @param seq           position in the chain
 * @param at            when
 * @param actor         who
 * @param action        what ({@code import}, {@code edit}, {@code delete}, {@code snapshot}, ...)
 * @param form          the form changed, or null
 * @param reason        why, as given
 * @param detail        JSON with the action's particulars (file name and hash, counts)
 * @param changes       number of record changes
 * @param changesDigest SHA-256 over the record changes
 * @param prevHash      hash of the previous event
 * @param hash          hash of this event
 */
public record AuditEvent(
        long seq,
        Instant at,
        String actor,
        String action,
        String form,
        String reason,
        String detail,
        long changes,
        String changesDigest,
        String prevHash,
        String hash) {
    AuditEvent withHash(String h) {
        return new AuditEvent(seq, at, actor, action, form, reason, detail, changes, changesDigest, prevHash, h);
    }
}
