package org.tfeval.study.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.Store;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.schema.FormTable;
import org.tfeval.study.Study;
import org.tfeval.study.audit.AuditEvents;

/**
 * Safety in the interview workflow. An interview with a survivor cannot be scheduled or started
 * without a recorded safe-contact method for the participant and a referral list for the site; nobody
 * who withdrew is scheduled again; the distress protocol (pause, check, stop, referral) is recorded per
 * interview, and a stop ends the interview. These records live in {@code protect_*} tables (migration
 * V321), outside the instrument: no snapshot holds them, so no release of any tier does. Each step is
 * audited with IDs and names of steps only.
 */
public final class InterviewSafety {
    private final Store store;

    private InterviewSafety(Study study) {
        this.store = Objects.requireNonNull(study, "study").store();
    }

    public static InterviewSafety of(Study study) {
        return new InterviewSafety(study);
    }

    /** How a participant may be contacted safely (the method only: the details stay with the site). */
    public enum ContactMethod {
        /** A phone number the participant confirmed is safe to call. */
        SAFE_PHONE,
        /** Text messages to a number the participant confirmed is safe. */
        SAFE_TEXT,
        /** Only through their advocate or case manager. */
        THROUGH_ADVOCATE,
        /** Only in person, at a place the participant chose. */
        IN_PERSON_ONLY;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static ContactMethod of(String id) {
            for (ContactMethod m : values()) if (m.id().equals(id)) return m;
            throw Problem.usage(
                    "unknown safe-contact method '" + id + "'",
                    "use safe-phone, safe-text, through-advocate or in-person-only");
        }
    }

    /** What happens to an interview, in order; the distress steps may repeat. */
    public enum Event {
        SCHEDULED(false),
        STARTED(false),
        COMPLETED(false),
        /** Distress protocol: the interview is paused. */
        PAUSE(true),
        /** Distress protocol: the interviewer checks how the participant is. */
        CHECK(true),
        /** Distress protocol: the interview is stopped (it cannot resume). */
        STOP(true),
        /** Distress protocol: the participant is offered the site's referral list. */
        REFERRAL(true);

        private final boolean distress;

        Event(boolean distress) {
            this.distress = distress;
        }

        /** Whether the event is a step of the distress protocol. */
        public boolean distress() {
            return distress;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Event of(String id) {
            for (Event e : values()) if (e.id().equals(id)) return e;
            throw Problem.usage("unknown interview event '" + id + "'", "use pause, check, stop or referral");
        }
    }

    /** The instrument form an interview is recorded in. */
    public static final String INTERVIEW_FORM = "interview";

    /**
     * The same rule as {@link #schedule} for interviews that arrive by import (the {@code interview}
     * form, checked on the staged rows in the import's transaction, so nothing is stored when a row
     * breaks it): a survivor's interview (survivor tier, or no tier recorded) needs a recorded
     * safe-contact method for the participant ({@code rule:survivor_safe_contact}) and a referral
     * list for the participant's site ({@code rule:survivor_referral_list}); a new interview of a
     * participant who withdrew is refused ({@code rule:withdrawn_participant}). Each violation names
     * the file, the row, the interview and the participant column, never a value beyond the IDs.
     */
    public static Importer.StagedCheck importCheck(Store store) {
        Objects.requireNonNull(store, "store");
        return (c, fileName) -> {
            String participant = store.table("participant").table();
            String interview = store.table(INTERVIEW_FORM).table();
            String pid = col("PARTICIPANT_ID");
            String iid = col("INTERVIEW_ID");
            String sql = "SELECT s._row, s." + iid + ", s." + pid + ","
                    + " (p." + col("SENSITIVITY_TIER") + " IS NULL OR p." + col("SENSITIVITY_TIER") + " = "
                    + ParticipantStatus.SURVIVOR_TIER + ") AS survivor,"
                    + " EXISTS (SELECT 1 FROM protect_safe_contact sc WHERE sc.participant_id = s." + pid + "),"
                    + " EXISTS (SELECT 1 FROM protect_referral_list r WHERE r.tf_id = p." + col("TF_ID") + "),"
                    + " EXISTS (SELECT 1 FROM protect_withdrawal w WHERE w.participant_id = s." + pid + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM " + interview + " i WHERE i." + iid + " = s." + iid + ")"
                    + " FROM staging s JOIN " + participant + " p ON p." + pid + " = s." + pid
                    + " ORDER BY s._row";
            List<Violation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < IMPORT_VIOLATIONS_KEPT) {
                    long row = rs.getLong(1);
                    String id = rs.getString(2);
                    String who = rs.getString(3);
                    if (rs.getBoolean(7)) {
                        out.add(importViolation(
                                fileName,
                                row,
                                id,
                                "withdrawn_participant",
                                "participant " + who + " withdrew: no new interview is recorded for them"));
                        continue;
                    }
                    if (!rs.getBoolean(4)) continue;
                    if (!rs.getBoolean(5)) {
                        out.add(importViolation(
                                fileName,
                                row,
                                id,
                                "survivor_safe_contact",
                                "survivor " + who + " has no recorded safe-contact method; record it first: tfeval"
                                        + " participant safety --safe-contact " + who + " METHOD"));
                    }
                    if (!rs.getBoolean(6)) {
                        out.add(importViolation(
                                fileName,
                                row,
                                id,
                                "survivor_referral_list",
                                "the site of survivor " + who + " has no referral list on record; record it first:"
                                        + " tfeval participant safety --referral-list TF VERSION"));
                    }
                }
            }
            return out;
        };
    }

    /** Interview-safety violations of one import kept in full (enough to fix a file; the import is refused anyway). */
    static final int IMPORT_VIOLATIONS_KEPT = 1000;

    private static Violation importViolation(
            String fileName, long row, String interviewId, String rule, String message) {
        return new Violation(
                fileName, row, interviewId, "PARTICIPANT_ID", null, "rule:" + rule, message, Severity.ERROR);
    }

    private static String col(String variable) {
        return SqlIdentifier.quote(FormTable.columnName(variable));
    }

    /** Records the site's current referral list (its version), given to every survivor interviewed there. */
    public void recordReferralList(String tfId, String version, String actor) {
        if (version == null || !version.matches("[A-Za-z0-9._-]{1,40}")) {
            throw Problem.usage("a referral list version is 1-40 letters, digits, . _ -", null);
        }
        tx(c -> {
            insert(
                    c,
                    "INSERT INTO protect_referral_list (tf_id, version, recorded_by, recorded_at) VALUES (?, ?, ?, ?)",
                    tfId,
                    version,
                    actor);
            AuditEvents.record(c, actor, "referral_list", null, "tf_id", tfId, "version", version);
            return null;
        });
    }

    /** Records how a participant may be contacted safely. */
    public void recordSafeContact(String participantId, ContactMethod method, String actor) {
        tx(c -> {
            if (!ProtectTables.participantExists(c, store, participantId)) {
                throw Problem.usage("participant " + participantId + " is not in the participant form", null);
            }
            insert(
                    c,
                    "INSERT INTO protect_safe_contact (participant_id, method, recorded_by, recorded_at)"
                            + " VALUES (?, ?, ?, ?)",
                    participantId,
                    method.id(),
                    actor);
            AuditEvents.record(
                    c, actor, "safe_contact", "participant", "participant", participantId, "method", method.id());
            return null;
        });
    }

    /**
     * Schedules an interview: refused when the participant withdrew, and, for a survivor, without a
     * safe-contact method and a referral list for their site.
     */
    public void schedule(String interviewId, String actor) {
        event(interviewId, Event.SCHEDULED, actor);
    }

    /** Starts an interview: the same preconditions as scheduling, and it must have been scheduled. */
    public void start(String interviewId, String actor) {
        event(interviewId, Event.STARTED, actor);
    }

    /** Records an interview event (a step of the distress protocol, or completion). */
    public void record(String interviewId, Event event, String actor) {
        event(interviewId, event, actor);
    }

    /** The interview's events, oldest first. */
    public List<Event> events(String interviewId) {
        return tx(c -> events(c, interviewId));
    }

    private void event(String interviewId, Event event, String actor) {
        tx(c -> {
            ParticipantStatus status = ParticipantStatus.read(c, store);
            String pid = status.participantOf(interviewId)
                    .orElseThrow(() -> Problem.usage(
                            "interview " + interviewId + " is not in the interview form",
                            "import it first: tfeval import --form interview FILE"));
            List<Event> past = events(c, interviewId);
            if (event == Event.SCHEDULED || event == Event.STARTED) {
                if (ProtectTables.withdrawals(c).containsKey(pid)) {
                    throw Problem.refused("participant " + pid + " withdrew: they are not contacted again", null);
                }
                if (status.survivor(interviewId)) requireSafety(c, pid, tfOf(pid));
            }
            if (event == Event.STARTED && !past.contains(Event.SCHEDULED)) {
                throw Problem.refused("interview " + interviewId + " was not scheduled", "schedule it first");
            }
            if (event != Event.SCHEDULED && past.contains(Event.STOP)) {
                throw Problem.refused("interview " + interviewId + " was stopped under the distress protocol", null);
            }
            if (event.distress() && !past.contains(Event.STARTED)) {
                throw Problem.refused("interview " + interviewId + " has not started", null);
            }
            insert(
                    c,
                    "INSERT INTO protect_interview_event (interview_id, event, recorded_by, recorded_at)"
                            + " VALUES (?, ?, ?, ?)",
                    interviewId,
                    event.id(),
                    actor);
            AuditEvents.record(c, actor, "interview_" + event.id(), "interview", "interview", interviewId);
            return null;
        });
    }

    private static String tfOf(String participantId) {
        return participantId.substring(0, participantId.indexOf("-P"));
    }

    private static void requireSafety(Connection c, String pid, String tf) throws SQLException {
        if (latest(c, "SELECT method FROM protect_safe_contact WHERE participant_id = ? ORDER BY id DESC LIMIT 1", pid)
                .isEmpty()) {
            throw Problem.refused(
                    "survivor " + pid + " has no recorded safe-contact method",
                    "record it first: tfeval participant safety --safe-contact " + pid + " METHOD");
        }
        if (latest(c, "SELECT version FROM protect_referral_list WHERE tf_id = ? ORDER BY id DESC LIMIT 1", tf)
                .isEmpty()) {
            throw Problem.refused(
                    "task force " + tf + " has no referral list on record",
                    "record it first: tfeval participant safety --referral-list " + tf + " VERSION");
        }
    }

    private static List<Event> events(Connection c, String interviewId) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT event FROM protect_interview_event WHERE interview_id = ? ORDER BY id")) {
            ps.setString(1, interviewId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(Event.of(rs.getString(1)));
            }
        }
        return out;
    }

    private static Optional<String> latest(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void insert(Connection c, String sql, String a, String b, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a);
            ps.setString(2, b);
            ps.setString(3, actor);
            ps.setObject(4, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
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
