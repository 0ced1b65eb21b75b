package org.tfeval.store.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;

/** Opens, threads and lists data-quality queries inside the caller's transaction. */
public final class Queries {
    /** The author recorded for queries opened by rule hits. */
    public static final String RULE_AUTHOR = "rule";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "id, case_id, tf_id, form, record_key, variable, origin, rule_code, status, opened_by, opened_at, updated_at";

    private Queries() {}

    /**
     * Opens a query with its first message.
     *
     * @param ruleCode the rule's violation code for {@link DataQuery.Origin#RULE}, else null
     */
    public static DataQuery open(
            Connection c,
            String caseId,
            String tfId,
            String form,
            String recordKey,
            String variable,
            DataQuery.Origin origin,
            String ruleCode,
            String body,
            String actor)
            throws SQLException {
        checkBody(body);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dq_query (case_id, tf_id, form, record_key, variable, origin, rule_code, status, "
                        + "opened_by, opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id")) {
            ps.setString(1, caseId);
            ps.setString(2, tfId);
            ps.setString(3, form);
            ps.setString(4, recordKey);
            ps.setString(5, variable);
            ps.setString(6, origin.name().toLowerCase(Locale.ROOT));
            ps.setString(7, ruleCode);
            ps.setString(8, actor);
            ps.setObject(9, now);
            ps.setObject(10, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        insertMessage(c, id, 1, actor, body, QueryStatus.OPEN);
        audit(c, actor, "query_open", form, id, caseId, recordKey, variable, QueryStatus.OPEN);
        return find(c, id).orElseThrow();
    }

    /**
     * Opens a query for a rule hit unless one is already open or answered for the same record,
     * field and rule. Returns the query opened, if any.
     */
    public static Optional<DataQuery> openForRule(
            Connection c,
            String caseId,
            String tfId,
            String form,
            String recordKey,
            String variable,
            String ruleCode,
            String message)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM dq_query WHERE case_id = ? AND form = ? AND record_key = ? "
                        + "AND variable IS NOT DISTINCT FROM ? AND rule_code = ? AND status <> 'closed'")) {
            ps.setString(1, caseId);
            ps.setString(2, form);
            ps.setString(3, recordKey);
            ps.setString(4, variable);
            ps.setString(5, ruleCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return Optional.empty();
            }
        }
        return Optional.of(open(
                c, caseId, tfId, form, recordKey, variable, DataQuery.Origin.RULE, ruleCode, message, RULE_AUTHOR));
    }

    /** Adds a message and moves the query to {@code next}; refuses moves the role may not make. */
    public static DataQuery post(
            Connection c, long id, String actor, boolean coordinator, String body, QueryStatus next)
            throws SQLException {
        checkBody(body);
        DataQuery q = lock(c, id);
        if (!q.status().mayMoveTo(next, coordinator)) {
            throw new IllegalArgumentException("a " + (coordinator ? "coordinator" : "coder")
                    + " cannot move a query from " + q.status().id() + " to " + next.id());
        }
        int seq;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM dq_query_message WHERE query_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        insertMessage(c, id, seq, actor, body, next);
        try (PreparedStatement ps = c.prepareStatement("UPDATE dq_query SET status = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, next.id());
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        audit(
                c,
                actor,
                "query_" + (next == q.status() ? "comment" : next.id()),
                q.form(),
                id,
                q.caseId(),
                q.recordKey(),
                q.variable(),
                next);
        return find(c, id).orElseThrow();
    }

    /** A query. */
    public static Optional<DataQuery> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dq_query WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** A query's thread, oldest first. */
    public static List<QueryMessage> messages(Connection c, long id) throws SQLException {
        List<QueryMessage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, author, at, body, status_after FROM dq_query_message WHERE query_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QueryMessage(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4),
                            QueryStatus.of(rs.getString(5))));
                }
            }
        }
        return out;
    }

    /** The queries of a case file, newest first. */
    public static List<DataQuery> ofCase(Connection c, String caseId) throws SQLException {
        return list(c, "case_id = ?", caseId);
    }

    /** The queries of some task forces (null: every task force) that are not closed, oldest first. */
    public static List<DataQuery> unsettled(Connection c, Collection<String> tfIds) throws SQLException {
        List<DataQuery> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dq_query WHERE status <> 'closed'"
                + (tfIds == null ? "" : " AND tf_id = ANY (?)") + " ORDER BY opened_at, id")) {
            if (tfIds != null) ps.setArray(1, c.createArrayOf("text", tfIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        }
        return out;
    }

    private static List<DataQuery> list(Connection c, String where, Object param) throws SQLException {
        List<DataQuery> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM dq_query WHERE " + where + " ORDER BY id DESC")) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        }
        return out;
    }

    private static DataQuery lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM dq_query WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no query " + id);
                return read(rs);
            }
        }
    }

    private static void insertMessage(Connection c, long id, int seq, String author, String body, QueryStatus after)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dq_query_message (query_id, seq, author, at, body, status_after) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, seq);
            ps.setString(3, author);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(5, body);
            ps.setString(6, after.id());
            ps.executeUpdate();
        }
    }

    private static void checkBody(String body) {
        if (body == null || body.isBlank()) throw new IllegalArgumentException("a query message must not be empty");
        if (body.length() > QueryMessage.MAX_LENGTH)
            throw new IllegalArgumentException("a query message is at most " + QueryMessage.MAX_LENGTH + " characters");
    }

    private static DataQuery read(ResultSet rs) throws SQLException {
        return new DataQuery(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                DataQuery.Origin.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)),
                rs.getString(8),
                QueryStatus.of(rs.getString(9)),
                rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).toInstant(),
                rs.getObject(12, OffsetDateTime.class).toInstant());
    }

    private static void audit(
            Connection c,
            String actor,
            String action,
            String form,
            long id,
            String caseId,
            String recordKey,
            String variable,
            QueryStatus status)
            throws SQLException {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("query", id);
        detail.put("case", caseId);
        detail.put("record", recordKey);
        detail.put("variable", variable);
        detail.put("status", status.id());
        String json;
        try {
            json = JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit detail of " + action, e);
        }
        AuditLog.record(c, new AuditEntry(actor, action, form, null, json));
    }
}
