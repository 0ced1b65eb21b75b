package org.tfeval.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tfeval.instrument.workflow.ContentHash;

/**
 * Writes and verifies the audit log. All methods work inside the caller's transaction. An event is
 * recorded with {@link #record(Connection, AuditEntry, ChangeWriter)}: its changes are written by a
 * callback, so an event cannot be begun and left unfinished.
 */
public final class AuditLog {
    /** Advisory lock serialising appends, so the chain never forks. */
    static final long LOCK_KEY = 0x7466_6576_616cL;
    /** Hash that precedes the first event. */
    static final String GENESIS = "0".repeat(64);

    private static final String DIGEST_SQL = "SELECT count(*), coalesce(encode(sha256(convert_to(string_agg("
            + "encode(sha256(convert_to(ord || '|' || record_key || '|' || op || '|' || coalesce(old_value::text, '') || '|' "
            + "|| coalesce(new_value::text, ''), 'UTF8')), 'hex'), '' ORDER BY ord), 'UTF8')), 'hex'), '') "
            + "FROM audit_change WHERE event_seq = ?";

    private AuditLog() {}

    /** Writes an event's record changes; see {@link #record(Connection, AuditEntry, ChangeWriter)}. */
    @FunctionalInterface
    public interface ChangeWriter {
        void write(Changes changes) throws SQLException;
    }

    /**
     * The record changes of one event being recorded, numbered in the order they are added. Valid
     * only inside the {@link ChangeWriter} it is given to.
     */
    public static final class Changes {
        private final Connection c;
        private final long event;
        private long ord;
        private String detailJson;
        private boolean open = true;

        private Changes(Connection c, long event, String detailJson) {
            this.c = c;
            this.event = event;
            this.detailJson = detailJson;
        }

        /**
         * The event's sequence number, for a set-based {@code INSERT INTO audit_change ... SELECT}
         * that numbers its own changes ({@code ord} from 1); add no others to that event then.
         */
        public long event() {
            return event;
        }

        /** A record that did not exist before. */
        public void inserted(String recordKey, String newJson) throws SQLException {
            add(recordKey, 'I', null, Objects.requireNonNull(newJson, "newJson"));
        }

        /** A record that changed. */
        public void updated(String recordKey, String oldJson, String newJson) throws SQLException {
            add(recordKey, 'U', Objects.requireNonNull(oldJson, "oldJson"), Objects.requireNonNull(newJson, "newJson"));
        }

        /** A record that was removed. */
        public void deleted(String recordKey, String oldJson) throws SQLException {
            add(recordKey, 'D', Objects.requireNonNull(oldJson, "oldJson"), null);
        }

        /** A record stored anew ({@code oldJson} null) or changed. */
        public void stored(String recordKey, String oldJson, String newJson) throws SQLException {
            if (oldJson == null) inserted(recordKey, newJson);
            else updated(recordKey, oldJson, newJson);
        }

        /** Replaces the entry's particulars, when they depend on what was written (counts). */
        public void detail(String json) {
            checkOpen();
            this.detailJson = Objects.requireNonNull(json, "json");
        }

        private void add(String recordKey, char op, String oldJson, String newJson) throws SQLException {
            checkOpen();
            Objects.requireNonNull(recordKey, "recordKey");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_change (event_seq, ord, record_key, op, old_value, new_value) VALUES (?, ?, ?, ?, ?::json, ?::json)")) {
                ps.setLong(1, event);
                ps.setLong(2, ++ord);
                ps.setString(3, recordKey);
                ps.setString(4, Character.toString(op));
                ps.setString(5, oldJson);
                ps.setString(6, newJson);
                ps.executeUpdate();
            }
        }

        private void checkOpen() {
            if (!open)
                throw new IllegalStateException(
                        "audit event " + event + " is already recorded; add changes inside its writer");
        }
    }

    /**
     * Records one event in the caller's transaction: takes the audit lock (so the chain never
     * forks), reserves the sequence number, lets {@code changes} do the work and add its record
     * changes, then digests them and chains the event to the previous one. When {@code changes}
     * throws, no event is written and the exception passes on: the caller's transaction, which
     * must then roll back, holds the changes added so far.
     *
     * @return the recorded event
     */
    public static AuditEvent record(Connection c, AuditEntry entry, ChangeWriter changes) throws SQLException {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(changes, "changes");
        long seq = begin(c);
        Changes written = new Changes(c, seq, entry.detailJson());
        try {
            changes.write(written);
        } finally {
            written.open = false;
        }
        AuditSeal.Session session = session(c);
        AuditEvent e = finish(c, seq, entry.withDetail(written.detailJson), session);
        if (session != null) {
            session.recorded(e.seq(), e.hash());
            if (c.getAutoCommit()) session.committed();
        }
        return e;
    }

    /** The seal a connection carries ({@link AuditSeal#seal}), or null for an unsealed connection. */
    private static AuditSeal.Session session(Connection c) throws SQLException {
        return c.isWrapperFor(AuditSeal.Session.class) ? c.unwrap(AuditSeal.Session.class) : null;
    }

    /** Records an event without record changes (a sample draw, a sign-in, a snapshot). */
    public static AuditEvent record(Connection c, AuditEntry entry) throws SQLException {
        return record(c, entry, changes -> {});
    }

    /** Takes the audit lock for this transaction and reserves the event's sequence number. */
    private static long begin(Connection c) throws SQLException {
        // one round trip: the lock first, then the number (a select list is evaluated in order)
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")::text, nextval('audit_event_seq')")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** Closes event {@code seq}: digests its changes and chains it to the previous event. */
    private static AuditEvent finish(Connection c, long seq, AuditEntry entry, AuditSeal.Session session)
            throws SQLException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long changes;
        String digest;
        String prev;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT d.*, coalesce((SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1), '"
                        + GENESIS + "') FROM (" + DIGEST_SQL + ") d")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                changes = rs.getLong(1);
                digest = rs.getString(2);
                prev = rs.getString(3);
            }
        }
        AuditEvent e = new AuditEvent(
                seq,
                at,
                entry.actor(),
                entry.action(),
                entry.form(),
                entry.reason(),
                entry.detailJson(),
                changes,
                digest,
                prev,
                null);
        e = e.withHash(session == null ? hash(e) : session.seal.mac(text(e)));
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO audit_event (seq, at, actor, action, form, reason, detail, changes, "
                        + "changes_digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, e.actor());
            ps.setString(4, e.action());
            ps.setString(5, e.form());
            ps.setString(6, e.reason());
            ps.setString(7, e.detail());
            ps.setLong(8, changes);
            ps.setString(9, digest);
            ps.setString(10, prev);
            ps.setString(11, e.hash());
            ps.executeUpdate();
        }
        return e;
    }

    /**
     * Re-derives every digest and hash with the seal the connection carries (none: plain SHA-256
     * only); returns the problems found (empty when the log is intact).
     */
    public static List<String> verify(Connection c) throws SQLException {
        AuditSeal.Session session = session(c);
        return verifyWith(c, session == null ? null : session.seal);
    }

    /**
     * Re-derives every digest and hash, and compares the chain with the anchors outside the
     * database. Events up to the first anchored one may carry a plain SHA-256 hash (written before
     * the study was keyed; they are sealed by the keyed events that chain to them); every later
     * event must carry the MAC under the key, and every anchored event must be in the database
     * with the anchored MAC. Returns the problems found (empty when the log is intact).
     */
    public static List<String> verifyWith(Connection c, AuditSeal seal) throws SQLException {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        List<AuditEvent> events = events(c, 0, Long.MAX_VALUE);
        java.util.Map<Long, String> anchored = seal == null ? java.util.Map.of() : seal.anchored();
        long keyedFrom = anchored.isEmpty()
                ? Long.MAX_VALUE
                : anchored.keySet().iterator().next();
        java.util.Map<Long, AuditEvent> bySeq = new java.util.HashMap<>();
        try (PreparedStatement digest = c.prepareStatement(DIGEST_SQL)) {
            for (AuditEvent e : events) {
                bySeq.put(e.seq(), e);
                if (!e.prevHash().equals(prev)) {
                    problems.add("event " + e.seq()
                            + ": does not follow the previous event (an event before it was removed or altered)");
                }
                digest.setLong(1, e.seq());
                try (ResultSet rs = digest.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != e.changes() || !rs.getString(2).equals(e.changesDigest())) {
                        problems.add("event " + e.seq() + " (" + e.action()
                                + "): its record changes were altered, added or removed");
                    }
                }
                boolean keyed = seal != null && seal.mac(text(e)).equals(e.hash());
                boolean plain = !keyed && hash(e).equals(e.hash());
                if (!keyed && !plain) {
                    problems.add("event " + e.seq() + " (" + e.action() + "): the event itself was altered");
                } else if (plain && e.seq() >= keyedFrom) {
                    problems.add("event " + e.seq() + " (" + e.action()
                            + "): carries a plain SHA-256 hash after the log was keyed (re-hashed without the key)");
                }
                prev = e.hash();
            }
        }
        if (seal != null) {
            problems.addAll(seal.anchorProblems());
            long last = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
            anchored.forEach((seq, mac) -> {
                AuditEvent e = bySeq.get(seq);
                if (e == null) {
                    problems.add("event " + seq + " is anchored outside the database but missing from it"
                            + (seq > last ? " (the log was truncated)" : " (it was removed)"));
                } else if (!e.hash().equals(mac)) {
                    problems.add("event " + seq + " (" + e.action() + "): differs from the event anchored outside"
                            + " the database (rewritten)");
                }
            });
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT DISTINCT event_seq FROM audit_change ch WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.seq = ch.event_seq)")) {
            while (rs.next()) problems.add("record changes of event " + rs.getLong(1) + " have no event");
        }
        return problems;
    }

    /** Events with {@code from <= seq <= to}, in order. */
    public static List<AuditEvent> events(Connection c, long from, long to) throws SQLException {
        List<AuditEvent> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT seq, at, actor, action, form, reason, detail, changes, changes_digest, "
                        + "prev_hash, hash FROM audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEvent(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getLong(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11)));
                }
            }
        }
        return out;
    }

    static String hash(AuditEvent e) {
        return ContentHash.sha256(text(e));
    }

    /** What an event's hash or MAC covers. */
    static String text(AuditEvent e) {
        return String.join(
                "\n",
                e.prevHash(),
                Long.toString(e.seq()),
                e.at().toString(),
                e.actor(),
                e.action(),
                String.valueOf(e.form()),
                String.valueOf(e.reason()),
                e.detail(),
                Long.toString(e.changes()),
                e.changesDigest());
    }
}
