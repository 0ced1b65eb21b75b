package org.tfeval.study.protect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.Store;
import org.tfeval.study.Study;
import org.tfeval.study.audit.AuditEvents;

/**
 * The administrator's view of the participants' protection, for the web app: the roster (IDs, site,
 * stakeholder group, sensitivity tier, consent in force and withdrawal level; never a word of an
 * interview), withdrawals ({@link Withdrawals}), survivor-access grants ({@link TranscriptAccess}) and
 * the notices to holders of restricted packages with their acknowledgements ({@link OutputRegister}).
 */
public final class Participants {
    private final Study study;
    private final Store store;

    private Participants(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static Participants of(Study study) {
        return new Participants(study);
    }

    /** A participant record's listed codes, as stored (null when blank). */
    record Listed(String participantId, String site, Integer group, Integer tier) {}

    /**
     * One participant as the administrator sees them.
     *
     * @param participantId the participant
     * @param site          the task force (TF_ID)
     * @param group         the stakeholder group's label, or empty
     * @param tier          the sensitivity tier's label, or empty (an unknown tier is treated as survivor)
     * @param consent       the consent in force, or empty (consented to nothing)
     * @param withdrawal    the strongest withdrawal recorded, or empty
     */
    public record Row(
            String participantId,
            String site,
            Optional<String> group,
            Optional<String> tier,
            Optional<Consents.Consent> consent,
            Optional<Withdrawal.Level> withdrawal) {
        public Row {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(consent, "consent");
            Objects.requireNonNull(withdrawal, "withdrawal");
        }

        /** The consent in force's scope, as short flags ("quotes, archiving"), or "none". */
        public String scope() {
            if (consent.isEmpty()) return "none";
            Consents.Consent k = consent.get();
            List<String> f = new ArrayList<>();
            if (k.quotes()) f.add("quotes");
            if (k.archiving()) f.add("archiving");
            if (k.recontact()) f.add("re-contact");
            if (k.shareTaskForce()) f.add("sharing with the task force");
            return f.isEmpty() ? "none" : String.join(", ", f);
        }
    }

    /** Every participant, by ID. */
    public List<Row> roster() {
        Map<Long, String> groups = study.instrument()
                .form("participant")
                .variable("STAKEHOLDER_GROUP")
                .valueLabels();
        Map<Long, String> tiers = study.instrument()
                .form("participant")
                .variable("SENSITIVITY_TIER")
                .valueLabels();
        return tx(c -> {
            Map<String, Consents.Consent> consents = ProtectTables.consents(c, store);
            Map<String, Withdrawal.Level> withdrawals = ProtectTables.withdrawals(c);
            List<Row> out = new ArrayList<>();
            for (Listed p : ProtectTables.roster(c, store)) {
                out.add(new Row(
                        p.participantId(),
                        p.site(),
                        Optional.ofNullable(p.group()).map(g -> groups.getOrDefault(g.longValue(), g.toString())),
                        Optional.ofNullable(p.tier()).map(t -> tiers.getOrDefault(t.longValue(), t.toString())),
                        Optional.ofNullable(consents.get(p.participantId())),
                        Optional.ofNullable(withdrawals.get(p.participantId()))));
            }
            return out;
        });
    }

    /** Records a withdrawal and propagates it ({@link Withdrawals#withdraw}). */
    public Withdrawals.Withdrawn withdraw(String participantId, Withdrawal.Level level, String reason, String actor) {
        return Withdrawals.of(study).withdraw(participantId, level, reason, actor);
    }

    /** Grants an account survivor access (an administrator's act, audited). */
    public void grantSurvivorAccess(String account, String administrator) {
        TranscriptAccess.of(study).grantSurvivorAccess(account, administrator);
    }

    /** Revokes an account's survivor access (audited); returns whether it held a grant. */
    public boolean revokeSurvivorAccess(String account, String administrator) {
        return TranscriptAccess.of(study).revokeSurvivorAccess(account, administrator);
    }

    /** Accounts holding survivor access now. */
    public List<String> survivorAccessHolders() {
        return TranscriptAccess.of(study).survivorAccessHolders();
    }

    /** Notices to holders of restricted packages, with their latest state. */
    public List<OutputRegister.Notice> notices() {
        return OutputRegister.of(study.folder().dir()).notices();
    }

    /** Outputs marked superseded by withdrawals. */
    public List<OutputRegister.Superseded> superseded() {
        return OutputRegister.of(study.folder().dir()).superseded();
    }

    /** Records that a package holder acknowledged a notice (audited: the notice ID, not the holder's name). */
    public OutputRegister.Notice acknowledge(String noticeId, String holder, String actor) {
        if (holder == null || holder.isBlank()) {
            throw Problem.usage("an acknowledgement names who acknowledged it", "the holder's name or organisation");
        }
        OutputRegister.Notice n =
                OutputRegister.of(study.folder().dir()).acknowledge(noticeId, holder.strip(), Instant.now());
        tx(c -> {
            AuditEvents.record(c, actor, "withdrawal_notice_acknowledged", null, "notice", n.id());
            return null;
        });
        return n;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try {
            return store.tx(work::run);
        } catch (SQLException e) {
            throw Problem.internal("the database refused the request (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
