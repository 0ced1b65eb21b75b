package org.tfeval.study.protect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.tfeval.store.Store;

/**
 * The consent in force for each participant: the consent form's record with the highest
 * {@code CONSENT_SEQ} (earlier records are the history). A participant without a consent record has
 * consented to nothing: no quotes, no archiving, no re-contact, no sharing.
 */
public final class Consents {
    private Consents() {}

    /**
     * One participant's consent in force.
     *
     * @param participantId the participant
     * @param seq           the consent record's number in the participant's history
     * @param version       the consent form version signed
     * @param quotes        quotes may appear in reports and exports
     * @param archiving     their data may be archived (released)
     * @param recontact     they may be contacted again
     * @param shareTaskForce findings may be shared with the task force
     */
    public record Consent(
            String participantId,
            int seq,
            String version,
            boolean quotes,
            boolean archiving,
            boolean recontact,
            boolean shareTaskForce) {
        public Consent {
            Objects.requireNonNull(participantId, "participantId");
            if (seq < 1) throw new IllegalArgumentException("a consent record number starts at 1: " + seq);
        }
    }

    /** Every participant's consent in force, read in the caller's transaction. */
    public static Map<String, Consent> inForce(Connection c, Store store) throws SQLException {
        return ProtectTables.consents(c, store);
    }
}
