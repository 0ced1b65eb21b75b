package org.tfeval.store.coding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.schema.FormTable;

/** Case files and their passes: starting, adopting stored cases, assigning second coders, listing, progress. */
public final class CaseFiles {
    /** The case form's case-list reference variable, filled from the draw entry a coded case starts from. */
    static final String CASE_REF = "CASE_REF";

    private CaseFiles() {}

    /** A case file. */
    public static Optional<CaseFile> find(Connection c, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT case_id, tf_id, case_ref, draw_id, reconciled_at, reconciled_by FROM coding_case WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long draw = rs.getLong(4);
                Long drawId = rs.wasNull() ? null : draw;
                OffsetDateTime rec = rs.getObject(5, OffsetDateTime.class);
                return Optional.of(new CaseFile(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        drawId,
                        rec == null ? null : rec.toInstant(),
                        rs.getString(6)));
            }
        }
    }

    /** One pass of a case file. */
    public static Optional<PassState> pass(Connection c, String caseId, Pass pass) throws SQLException {
        return passes(c, caseId).stream().filter(p -> p.pass() == pass).findFirst();
    }

    /** The passes of a case file, first pass first. */
    public static List<PassState> passes(Connection c, String caseId) throws SQLException {
        List<PassState> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT case_id, pass, coder, status, assigned_by, assigned_at, completed_at FROM coding_pass "
                        + "WHERE case_id = ? ORDER BY pass")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(readPass(rs));
            }
        }
        return out;
    }

    /**
     * Starts coding a case drawn in a sample: gives it the next case ID of its task force and
     * opens pass 1 for {@code coder} with the case record.
     */
    public static CaseFile startSampled(
            Connection c, CaseForms forms, long drawId, String tfId, String caseRef, String coder, String actor)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT role FROM sample_case WHERE draw_id = ? AND tf_id = ? AND case_ref = ?")) {
            ps.setLong(1, drawId);
            ps.setString(2, tfId);
            ps.setString(3, caseRef);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next())
                    throw new IllegalArgumentException(
                            "case reference is not in sample draw " + drawId + " of " + tfId);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT case_id FROM coding_case WHERE draw_id = ? AND tf_id = ? AND case_ref = ?")) {
            ps.setLong(1, drawId);
            ps.setString(2, tfId);
            ps.setString(3, caseRef);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next())
                    throw new IllegalStateException(
                            "coding of that sampled case has already started as " + rs.getString(1));
            }
        }
        Map<String, String> cells = forms.newRecordCells(forms.root(), Map.of(), tfId, nextCaseNumber(c, forms, tfId));
        String caseId = cells.get(forms.root().key().get(0));
        // the case form's link to the draw entry, checked by validation (validate.SampleLinkCheck)
        if (forms.root().find(CASE_REF).isPresent()) cells.put(CASE_REF, caseRef);
        insertCase(c, caseId, tfId, caseRef, drawId, actor);
        insertPass(c, caseId, Pass.FIRST, coder, PassStatus.IN_PROGRESS, actor);
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        "coding_start",
                        forms.root().name(),
                        "coding of a sampled case file started",
                        Json.detail("case", caseId, "pass", 1, "coder", coder, "draw", drawId)),
                changes -> {
                    Drafts.insert(c, caseId, Pass.FIRST, forms.root().name(), caseId, null, cells, null, actor);
                    changes.inserted(caseId, Json.write(cells));
                });
        return find(c, caseId).orElseThrow();
    }

    /**
     * Opens a case already in the study data for coding: its records become pass 1, complete,
     * exactly as stored.
     */
    public static CaseFile adopt(Connection c, CaseForms forms, String caseId, String actor) throws SQLException {
        if (find(c, caseId).isPresent()) throw new IllegalStateException("case " + caseId + " is already in coding");
        Form root = forms.root();
        FormTable rt = new FormTable(forms.instrument(), root);
        Map<String, String> cells = StoredRecords.cells(c, rt, List.of(caseId));
        if (cells == null) throw new IllegalArgumentException("no stored case " + caseId);
        String tfId = cells.get(forms.taskForceVariable());
        insertCase(c, caseId, tfId, null, null, actor);
        insertPass(c, caseId, Pass.FIRST, actor, PassStatus.COMPLETE, actor);
        copyStored(c, forms, caseId, root, List.of(caseId), null, actor);
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        "coding_adopt",
                        root.name(),
                        "stored case file opened for coding",
                        Json.detail("case", caseId, "pass", 1)));
        return find(c, caseId).orElseThrow();
    }

    /** Replaces pass 1's records with the stored records (after changes made outside the web application). */
    public static void reloadFromStore(Connection c, CaseForms forms, String caseId, String actor) throws SQLException {
        PassState p = lockPass(c, caseId, Pass.FIRST);
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        "coding_reload",
                        forms.root().name(),
                        "pass 1 reloaded from the study data",
                        Json.detail("case", caseId, "pass", 1, "coder", p.coder())),
                changes -> {
                    List<DraftRecord> old = Drafts.records(c, caseId, Pass.FIRST);
                    for (int i = old.size() - 1; i >= 0; i--) {
                        DraftRecord d = old.get(i);
                        changes.deleted(d.key(), Json.write(d.cells()));
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM coding_record WHERE case_id = ? AND pass = 1 AND parent_id IS NOT NULL")) {
                        ps.setString(1, caseId);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement("DELETE FROM coding_record WHERE case_id = ? AND pass = 1")) {
                        ps.setString(1, caseId);
                        ps.executeUpdate();
                    }
                    FormTable rt = new FormTable(forms.instrument(), forms.root());
                    if (StoredRecords.cells(c, rt, List.of(caseId)) == null)
                        throw new IllegalStateException("case " + caseId + " is not in the study data yet");
                    copyStored(c, forms, caseId, forms.root(), List.of(caseId), null, actor);
                    setStatus(c, caseId, Pass.FIRST, PassStatus.COMPLETE);
                });
    }

    private static void copyStored(
            Connection c, CaseForms forms, String caseId, Form form, List<Object> key, Long parentId, String actor)
            throws SQLException {
        FormTable t = new FormTable(forms.instrument(), form);
        Map<String, String> cells = StoredRecords.cells(c, t, key);
        Map<String, String> entered = new java.util.LinkedHashMap<>();
        for (var v : form.variables()) {
            if (!v.isDerived() && v.inherit() == null) entered.put(v.name(), cells.get(v.name()));
        }
        String keyText = forms.recordKey(form, cells);
        long id = Drafts.insert(
                c, caseId, Pass.FIRST, form.name(), keyText, parentId, entered, StoredRecords.json(c, t, key), actor);
        for (Form child : forms.children(form)) {
            String link = child.parentLink().orElseThrow().name();
            Object linkValue = form.variable(link).type().parse(cells.get(link));
            for (List<Object> k :
                    StoredRecords.keysLinkedTo(c, new FormTable(forms.instrument(), child), link, linkValue)) {
                copyStored(c, forms, caseId, child, k, id, actor);
            }
        }
    }

    /** Assigns the blind second pass to a coder other than the first pass's. */
    public static void assignSecond(Connection c, CaseForms forms, String caseId, String coder, String actor)
            throws SQLException {
        PassState first = pass(c, caseId, Pass.FIRST)
                .orElseThrow(() -> new IllegalArgumentException("case " + caseId + " has no first pass"));
        if (first.coder().equals(coder))
            throw new IllegalArgumentException("the second coder must not be the first pass's coder");
        if (pass(c, caseId, Pass.SECOND).isPresent())
            throw new IllegalStateException("case " + caseId + " already has a second pass");
        insertPass(c, caseId, Pass.SECOND, coder, PassStatus.IN_PROGRESS, actor);
        CaseFile cf = find(c, caseId).orElseThrow();
        Map<String, String> cells = new java.util.LinkedHashMap<>(forms.rootCells(cf.tfId(), caseId));
        // the blind pass starts from the same draw entry as the first
        if (cf.caseRef() != null && forms.root().find(CASE_REF).isPresent()) cells.put(CASE_REF, cf.caseRef());
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        "coding_assign",
                        forms.root().name(),
                        "second (blind) coding assigned",
                        Json.detail("case", caseId, "pass", 2, "coder", coder)),
                changes -> {
                    Drafts.insert(c, caseId, Pass.SECOND, forms.root().name(), caseId, null, cells, null, actor);
                    changes.inserted(caseId, Json.write(cells));
                });
    }

    /** Locks a pass row for the rest of the transaction. */
    static PassState lockPass(Connection c, String caseId, Pass pass) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT case_id, pass, coder, status, assigned_by, assigned_at, completed_at FROM coding_pass "
                        + "WHERE case_id = ? AND pass = ? FOR UPDATE")) {
            ps.setString(1, caseId);
            ps.setInt(2, pass.number());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("case " + caseId + " has no pass " + pass.number());
                return readPass(rs);
            }
        }
    }

    static void setStatus(Connection c, String caseId, Pass pass, PassStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE coding_pass SET status = ?, completed_at = CASE WHEN ? THEN ? ELSE completed_at END "
                        + "WHERE case_id = ? AND pass = ? AND (status <> ? OR ?)")) {
            ps.setString(1, status.id());
            ps.setBoolean(2, status == PassStatus.COMPLETE);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(4, caseId);
            ps.setInt(5, pass.number());
            ps.setString(6, status.id());
            ps.setBoolean(7, status == PassStatus.COMPLETE);
            ps.executeUpdate();
        }
    }

    static void markReconciled(Connection c, String caseId, String actor) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE coding_case SET reconciled_at = ?, reconciled_by = ? WHERE case_id = ?")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(2, actor);
            ps.setString(3, caseId);
            ps.executeUpdate();
        }
    }

    /**
     * A case file in a list.
     *
     * @param caseId      the case
     * @param caseRef     reference in the sampled case list, or null
     * @param first       pass 1
     * @param second      pass 2, or null
     * @param reconciled  whether the passes were reconciled
     * @param openQueries queries not yet closed
     */
    public record Summary(
            String caseId, String caseRef, PassState first, PassState second, boolean reconciled, long openQueries) {}

    /** The case files of a task force, by case ID. */
    public static List<Summary> list(Connection c, String tfId) throws SQLException {
        List<Summary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cc.case_id, cc.case_ref, cc.reconciled_at IS NOT NULL, "
                + "(SELECT count(*) FROM dq_query q WHERE q.case_id = cc.case_id AND q.status <> 'closed') FROM coding_case cc "
                + "WHERE cc.tf_id = ? ORDER BY cc.case_id")) {
            ps.setString(1, tfId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    out.add(new Summary(rs.getString(1), rs.getString(2), null, null, rs.getBoolean(3), rs.getLong(4)));
            }
        }
        List<Summary> full = new ArrayList<>();
        for (Summary s : out) {
            List<PassState> ps = passes(c, s.caseId());
            full.add(new Summary(
                    s.caseId(),
                    s.caseRef(),
                    ps.isEmpty() ? null : ps.get(0),
                    ps.size() > 1 ? ps.get(1) : null,
                    s.reconciled(),
                    s.openQueries()));
        }
        return full;
    }

    /** Case IDs of a task force's stored cases that are not in coding. */
    public static List<String> storedNotInCoding(Connection c, CaseForms forms, String tfId) throws SQLException {
        List<String> out = new ArrayList<>();
        String key = FormTable.column(forms.root().key().get(0));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT s." + key + " FROM " + SqlIdentifier.quote(forms.root().table()) + " s WHERE s."
                        + FormTable.column(forms.taskForceVariable())
                        + " = ? AND NOT EXISTS (SELECT 1 FROM coding_case cc WHERE cc.case_id = s." + key
                        + ") ORDER BY 1")) {
            ps.setString(1, tfId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The task force of a stored case, if it is stored. */
    public static Optional<String> storedTaskForce(Connection c, CaseForms forms, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FormTable.column(forms.taskForceVariable())
                + " FROM " + SqlIdentifier.quote(forms.root().table()) + " WHERE "
                + FormTable.column(forms.root().key().get(0)) + " = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * A sampled case not yet in coding.
     *
     * @param drawId  the draw
     * @param tfId    the task force
     * @param caseRef its reference in the case list
     * @param order   draw order within the task force
     */
    public record Sampled(long drawId, String tfId, String caseRef, int order) {}

    /** A task force's sampled cases (not replacements) whose coding has not started, in draw order. */
    public static List<Sampled> sampledNotStarted(Connection c, String tfId) throws SQLException {
        List<Sampled> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT s.draw_id, s.tf_id, s.case_ref, s.draw_order FROM sample_case s WHERE s.tf_id = ? "
                        + "AND s.role = 'sample' AND NOT EXISTS (SELECT 1 FROM coding_case cc WHERE cc.draw_id = s.draw_id AND cc.tf_id = s.tf_id "
                        + "AND cc.case_ref = s.case_ref) ORDER BY s.draw_id, s.draw_order")) {
            ps.setString(1, tfId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Sampled(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
        }
        return out;
    }

    /**
     * Coding progress of a task force.
     *
     * @param tfId        the task force
     * @param sampled     cases drawn in samples (not replacements)
     * @param stored      cases in the study data
     * @param coded       case files whose coding started
     * @param complete    case files whose first pass is complete
     * @param doubleCoded case files whose second pass is complete
     * @param reconciled  case files whose passes were reconciled
     */
    public record Progress(
            String tfId, long sampled, long stored, long coded, long complete, long doubleCoded, long reconciled) {}

    /** Progress of the given task forces, or of every known task force when {@code tfIds} is null. */
    public static List<Progress> progress(Connection c, CaseForms forms, Collection<String> tfIds) throws SQLException {
        String tf = FormTable.column(forms.taskForceVariable());
        String sql = "WITH tfs AS (SELECT " + tf + " AS tf_id FROM "
                + SqlIdentifier.quote(forms.top().table()) + " UNION SELECT tf_id FROM sample_case "
                + "UNION SELECT tf_id FROM coding_case) SELECT t.tf_id, "
                + "(SELECT count(DISTINCT (s.case_ref)) FROM sample_case s WHERE s.tf_id = t.tf_id AND s.role = 'sample'), "
                + "(SELECT count(*) FROM " + SqlIdentifier.quote(forms.root().table()) + " d WHERE d." + tf
                + " = t.tf_id), "
                + "(SELECT count(*) FROM coding_case cc WHERE cc.tf_id = t.tf_id), "
                + "(SELECT count(*) FROM coding_case cc JOIN coding_pass p ON p.case_id = cc.case_id AND p.pass = 1 AND p.status = 'complete' "
                + "WHERE cc.tf_id = t.tf_id), "
                + "(SELECT count(*) FROM coding_case cc JOIN coding_pass p ON p.case_id = cc.case_id AND p.pass = 2 AND p.status = 'complete' "
                + "WHERE cc.tf_id = t.tf_id), "
                + "(SELECT count(*) FROM coding_case cc WHERE cc.tf_id = t.tf_id AND cc.reconciled_at IS NOT NULL) "
                + "FROM tfs t WHERE t.tf_id IS NOT NULL" + (tfIds == null ? "" : " AND t.tf_id = ANY (?)")
                + " ORDER BY t.tf_id";
        List<Progress> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (tfIds != null) ps.setArray(1, c.createArrayOf("text", tfIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Progress(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7)));
                }
            }
        }
        return out;
    }

    /** Every task force known to the study (task-force records, samples, coding), sorted. */
    public static List<String> taskForces(Connection c, CaseForms forms) throws SQLException {
        return progress(c, forms, null).stream().map(Progress::tfId).toList();
    }

    private static int nextCaseNumber(Connection c, CaseForms forms, String tfId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('tfeval-case-id:' || ?))")) {
            ps.setString(1, tfId);
            ps.execute();
        }
        int max = 0;
        Form root = forms.root();
        String key = root.key().get(0);
        try (PreparedStatement ps =
                c.prepareStatement("SELECT case_id FROM coding_case WHERE tf_id = ? UNION ALL SELECT "
                        + FormTable.column(key) + " FROM " + SqlIdentifier.quote(root.table()) + " WHERE "
                        + FormTable.column(forms.taskForceVariable()) + " = ?")) {
            ps.setString(1, tfId);
            ps.setString(2, tfId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) max = Math.max(max, forms.numberOf(root, Map.of(key, rs.getString(1))));
            }
        }
        return max + 1;
    }

    private static void insertCase(Connection c, String caseId, String tfId, String caseRef, Long drawId, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO coding_case (case_id, tf_id, case_ref, draw_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, caseId);
            ps.setString(2, tfId);
            ps.setString(3, caseRef);
            ps.setObject(4, drawId, java.sql.Types.BIGINT);
            ps.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(6, actor);
            ps.executeUpdate();
        }
    }

    private static void insertPass(
            Connection c, String caseId, Pass pass, String coder, PassStatus status, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO coding_pass (case_id, pass, coder, status, assigned_by, assigned_at, completed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            ps.setString(1, caseId);
            ps.setInt(2, pass.number());
            ps.setString(3, coder);
            ps.setString(4, status.id());
            ps.setString(5, actor);
            ps.setObject(6, now);
            ps.setObject(7, status == PassStatus.COMPLETE ? now : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            ps.executeUpdate();
        }
    }

    private static PassState readPass(ResultSet rs) throws SQLException {
        OffsetDateTime done = rs.getObject(7, OffsetDateTime.class);
        return new PassState(
                rs.getString(1),
                Pass.of(rs.getInt(2)),
                rs.getString(3),
                PassStatus.of(rs.getString(4)),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(),
                done == null ? null : done.toInstant());
    }
}
