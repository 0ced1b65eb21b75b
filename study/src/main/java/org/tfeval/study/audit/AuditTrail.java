package org.tfeval.study.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.study.transaction.Transactions;

/** The audit log for administrators: the latest events, a case file's or a record's trail, and re-verifying the chain. Immutable. */
public final class AuditTrail {
    /** Events listed at most. */
    public static final int MAX_EVENTS = 500;

    /**
     * One event.
     *
     * @param seq     position in the chain
     * @param at      when, ISO-8601
     * @param actor   who
     * @param action  what
     * @param form    the form, or null
     * @param reason  why, or null
     * @param detail  its JSON detail
     * @param changes its record changes
     */
    public record Event(
            long seq,
            String at,
            String actor,
            String action,
            String form,
            String reason,
            String detail,
            List<Change> changes) {
        public Event {
            changes = List.copyOf(changes);
        }
    }

    /**
     * One record change.
     *
     * @param record the record's key
     * @param op     I, U or D
     * @param before old values (JSON), or null
     * @param after  new values (JSON), or null
     */
    public record Change(String record, String op, String before, String after) {}

    private final Transactions tx;

    public AuditTrail(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    /** Re-derives every digest and hash of the chain; the problems found, or none. */
    public List<String> verify() {
        return tx.tx(AuditLog::verify);
    }

    /** The newest {@value #MAX_EVENTS} events about a case file (its records too), or a record, or (both null) any. */
    public List<Event> events(String caseId, String record) {
        return tx.tx(c -> events(c, caseId, record));
    }

    private static List<Event> events(Connection c, String caseId, String record) throws SQLException {
        String json = "(CASE WHEN e.detail ~ '^\\s*\\{' THEN e.detail::jsonb END)";
        String where;
        List<String> params = new ArrayList<>();
        if (caseId != null) {
            where = "WHERE " + json
                    + " ->> 'case' = ? OR EXISTS (SELECT 1 FROM audit_change ch WHERE ch.event_seq = e.seq AND (ch.record_key = ? "
                    + "OR ch.record_key LIKE ?))";
            params.add(caseId);
            params.add(caseId);
            params.add(caseId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%");
        } else if (record != null) {
            where = "WHERE " + json
                    + " ->> 'record' = ? OR EXISTS (SELECT 1 FROM audit_change ch WHERE ch.event_seq = e.seq AND ch.record_key = ?)";
            params.add(record);
            params.add(record);
        } else {
            where = "";
        }
        Map<Long, Event> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT e.seq, e.at, e.actor, e.action, e.form, e.reason, e.detail FROM audit_event e " + where
                        + " ORDER BY e.seq DESC LIMIT " + MAX_EVENTS)) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getLong(1),
                            new Event(
                                    rs.getLong(1),
                                    rs.getObject(2, OffsetDateTime.class).toString(),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    List.of()));
                }
            }
        }
        if (out.isEmpty()) return List.of();
        Map<Long, List<Change>> changes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT event_seq, record_key, op, old_value::text, new_value::text FROM audit_change "
                        + "WHERE event_seq = ANY (?) ORDER BY event_seq, ord")) {
            ps.setArray(1, c.createArrayOf("bigint", out.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Change(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        List<Event> list = new ArrayList<>();
        for (Event e : out.values()) {
            list.add(new Event(
                    e.seq(),
                    e.at(),
                    e.actor(),
                    e.action(),
                    e.form(),
                    e.reason(),
                    e.detail(),
                    changes.getOrDefault(e.seq(), List.of())));
        }
        return list;
    }
}
