package org.tfeval.store.coding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;

/** The records of a pass as typed: saved as drafts (rules may be broken), added and removed, every change audited. */
public final class Drafts {
    /** Longest text kept in one cell (the instrument's own limits are checked by the validator). */
    public static final int MAX_CELL_LENGTH = 100_000;

    private static final String COLUMNS = "id, case_id, pass, form, record_key, parent_id, cells::text, saves";

    private Drafts() {}

    /** The records of a pass, in the order they were made. */
    public static List<DraftRecord> records(Connection c, String caseId, Pass pass) throws SQLException {
        List<DraftRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM coding_record WHERE case_id = ? AND pass = ? ORDER BY id")) {
            ps.setString(1, caseId);
            ps.setInt(2, pass.number());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        }
        return out;
    }

    /** A record by id. */
    public static Optional<DraftRecord> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM coding_record WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Saves what the coder typed into the entered variables of a record (other cells keep their
     * values). A change reopens a complete pass. Returns the record as saved.
     */
    public static DraftRecord save(Connection c, CaseForms forms, long id, Map<String, String> entered, String actor)
            throws SQLException {
        return save(c, forms, id, entered, actor, "coding_save", "draft saved in the web application");
    }

    /** As {@link #save(Connection, CaseForms, long, Map, String)}, audited as {@code action} with {@code reason}. */
    public static DraftRecord save(
            Connection c,
            CaseForms forms,
            long id,
            Map<String, String> entered,
            String actor,
            String action,
            String reason)
            throws SQLException {
        DraftRecord d = lock(c, id);
        Form form = forms.form(d.form());
        for (Map.Entry<String, String> e : entered.entrySet()) {
            Variable v = form.find(e.getKey())
                    .orElseThrow(() ->
                            new IllegalArgumentException("form " + form.name() + " has no variable " + e.getKey()));
            if (!forms.entered(form, v))
                throw new IllegalArgumentException(form.name() + "." + v.name() + " is not entered by coders");
            if (e.getValue() != null && e.getValue().length() > MAX_CELL_LENGTH) {
                throw new IllegalArgumentException(
                        form.name() + "." + v.name() + " is longer than " + MAX_CELL_LENGTH + " characters");
            }
        }
        Map<String, String> cells = new LinkedHashMap<>(d.cells());
        entered.forEach((k, v) -> cells.put(k, v == null ? "" : v));
        if (cells.equals(d.cells())) return d;
        String json = Json.write(cells);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE coding_record SET cells = ?::jsonb, saves = saves + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
            ps.setString(1, json);
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(3, actor);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
        CaseFiles.setStatus(c, d.caseId(), d.pass(), PassStatus.IN_PROGRESS);
        // the audit lock is taken last, so it is held only for the audit rows and the commit
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        action,
                        form.name(),
                        reason,
                        Json.detail("case", d.caseId(), "pass", d.pass().number(), "record", d.key())),
                changes -> changes.updated(d.key(), Json.write(d.cells()), json));
        return new DraftRecord(d.id(), d.caseId(), d.pass(), d.form(), d.key(), d.parentId(), cells, d.saves() + 1);
    }

    /**
     * A record with its row locked until the transaction ends (a save checks the version it was
     * typed on against this one before writing).
     */
    public static DraftRecord locked(Connection c, long id) throws SQLException {
        return lock(c, id);
    }

    /** Adds a record of {@code formName} below a record, numbered after its siblings. */
    public static DraftRecord add(Connection c, CaseForms forms, long parentId, String formName, String actor)
            throws SQLException {
        DraftRecord parent = lock(c, parentId);
        Form pf = forms.form(parent.form());
        Form form = forms.form(formName);
        if (!forms.children(pf).contains(form))
            throw new IllegalArgumentException("a " + form.name() + " record does not belong below a " + pf.name());
        int max = 0;
        for (DraftRecord s : records(c, parent.caseId(), parent.pass())) {
            if (s.form().equals(form.name()) && parentId == (s.parentId() == null ? -1 : s.parentId()))
                max = Math.max(max, forms.numberOf(form, s.cells()));
        }
        CaseFile cf = CaseFiles.find(c, parent.caseId()).orElseThrow();
        Map<String, String> cells = forms.newRecordCells(form, parent.cells(), cf.tfId(), max + 1);
        String key = forms.recordKey(form, cells);
        long id = insert(c, parent.caseId(), parent.pass(), form.name(), key, parentId, cells, null, actor);
        CaseFiles.setStatus(c, parent.caseId(), parent.pass(), PassStatus.IN_PROGRESS);
        // the audit lock is taken last, so it is held only for the audit rows and the commit
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        "coding_add",
                        form.name(),
                        "record added in the web application",
                        Json.detail(
                                "case", parent.caseId(), "pass", parent.pass().number(), "record", key)),
                changes -> changes.inserted(key, Json.write(cells)));
        return find(c, id).orElseThrow();
    }

    /** Removes a record and the records below it; the case record itself cannot be removed. */
    public static void remove(Connection c, CaseForms forms, long id, String actor) throws SQLException {
        DraftRecord d = lock(c, id);
        if (d.parentId() == null) throw new IllegalArgumentException("the case record cannot be removed");
        CaseTree tree = CaseTree.of(forms, records(c, d.caseId(), d.pass()));
        CaseTree.Node node = tree.node(id).orElseThrow();
        List<CaseTree.Node> doomed = new ArrayList<>();
        collect(node, doomed);
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        "coding_remove",
                        d.form(),
                        "record removed in the web application",
                        Json.detail("case", d.caseId(), "pass", d.pass().number(), "record", d.key())),
                changes -> {
                    for (int i = doomed.size() - 1; i >= 0; i--) {
                        DraftRecord r = doomed.get(i).record();
                        try (PreparedStatement ps = c.prepareStatement("DELETE FROM coding_record WHERE id = ?")) {
                            ps.setLong(1, r.id());
                            ps.executeUpdate();
                        }
                        changes.deleted(r.key(), Json.write(r.cells()));
                    }
                    CaseFiles.setStatus(c, d.caseId(), d.pass(), PassStatus.IN_PROGRESS);
                });
    }

    private static void collect(CaseTree.Node n, List<CaseTree.Node> out) {
        out.add(n);
        for (CaseTree.Node k : n.children()) collect(k, out);
    }

    static long insert(
            Connection c,
            String caseId,
            Pass pass,
            String form,
            String key,
            Long parentId,
            Map<String, String> cells,
            String storedJson,
            String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO coding_record (case_id, pass, form, record_key, parent_id, cells, stored, updated_at, "
                        + "updated_by) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) RETURNING id")) {
            ps.setString(1, caseId);
            ps.setInt(2, pass.number());
            ps.setString(3, form);
            ps.setString(4, key);
            ps.setObject(5, parentId, java.sql.Types.BIGINT);
            ps.setString(6, Json.write(cells));
            ps.setString(7, storedJson);
            ps.setObject(8, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(9, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void setStored(Connection c, long id, String storedJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE coding_record SET stored = ?::jsonb WHERE id = ?")) {
            ps.setString(1, storedJson);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static String stored(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT stored::text FROM coding_record WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static DraftRecord lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM coding_record WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no coding record " + id);
                return read(rs);
            }
        }
    }

    private static DraftRecord read(ResultSet rs) throws SQLException {
        long parent = rs.getLong(6);
        Long parentId = rs.wasNull() ? null : parent;
        return new DraftRecord(
                rs.getLong(1),
                rs.getString(2),
                Pass.of(rs.getInt(3)),
                rs.getString(4),
                rs.getString(5),
                parentId,
                Json.cells(rs.getString(7)),
                rs.getInt(8));
    }
}
