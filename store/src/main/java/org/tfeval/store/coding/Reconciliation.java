package org.tfeval.store.coding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.Variable;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.schema.FormTable;

/**
 * Compares the two passes of a case file field by field, applies the coordinator's choices to
 * pass 1 and completes it; and collects the coded pairs that agreement statistics are computed from.
 */
public final class Reconciliation {
    /** The value shown for a record one pass has and the other has not. */
    public static final String CODED = "coded";
    /** The value shown for a record a pass has not. */
    public static final String NOT_CODED = "not coded";

    private Reconciliation() {}

    /**
     * One field (or record) the passes disagree on.
     *
     * @param form      the form
     * @param recordKey the record's key
     * @param variable  the variable, or null when one pass has the record and the other has not
     * @param first     pass 1's value in the import format ({@link #CODED} / {@link #NOT_CODED} for a record)
     * @param second    pass 2's value
     */
    public record Difference(String form, String recordKey, String variable, String first, String second) {
        public Difference {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(recordKey, "recordKey");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        /** A stable id for the choice on the reconciliation form. */
        public String id() {
            return form + "|" + recordKey + "|" + (variable == null ? "" : variable);
        }
    }

    /** The differences between two passes, in form and record order. */
    public static List<Difference> differences(CaseForms forms, CaseTree first, CaseTree second) {
        Map<String, CaseTree.Node> a = index(first);
        Map<String, CaseTree.Node> b = index(second);
        List<Difference> out = new ArrayList<>();
        List<String> keys = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) if (!a.containsKey(k)) keys.add(k);
        List<Form> order = forms.caseFileForms();
        keys.sort(java.util.Comparator.comparingInt(
                        (String k) -> order.indexOf(forms.form(k.substring(0, k.indexOf('\u0000')))))
                .thenComparing(k -> k));
        for (String k : keys) {
            CaseTree.Node x = a.get(k);
            CaseTree.Node y = b.get(k);
            if (x == null || y == null) {
                CaseTree.Node n = x == null ? y : x;
                out.add(new Difference(
                        n.form().name(),
                        n.record().key(),
                        null,
                        x == null ? NOT_CODED : CODED,
                        y == null ? NOT_CODED : CODED));
                continue;
            }
            for (Variable v : forms.enteredVariables(x.form())) {
                String p = normal(v, x.prepared().get(v.name()));
                String q = normal(v, y.prepared().get(v.name()));
                if (!p.equals(q))
                    out.add(new Difference(x.form().name(), x.record().key(), v.name(), p, q));
            }
        }
        return out;
    }

    /**
     * Applies the choices (difference id to the pass whose value is kept; pass 1 when absent) to
     * pass 1 and completes it; when it completes, the case file is reconciled.
     */
    public static Completion.Result resolve(
            Connection c, CaseForms forms, String caseId, Map<String, Pass> choices, String actor) throws SQLException {
        PassState p1 = CaseFiles.lockPass(c, caseId, Pass.FIRST);
        PassState p2 = CaseFiles.lockPass(c, caseId, Pass.SECOND);
        if (!p1.complete() || !p2.complete())
            throw new IllegalStateException("case " + caseId + ": both passes must be complete to reconcile");
        CaseTree first = Completion.tree(c, forms, caseId, Pass.FIRST);
        CaseTree second = Completion.tree(c, forms, caseId, Pass.SECOND);
        Map<String, CaseTree.Node> a = index(first);
        Map<String, CaseTree.Node> b = index(second);
        List<Difference> diffs = differences(forms, first, second);
        keepPairs(c, forms, caseId, first, second, p1, p2);
        Map<Long, Map<String, String>> changes = new LinkedHashMap<>();
        List<Difference> added = new ArrayList<>();
        List<Difference> removed = new ArrayList<>();
        for (Difference d : diffs) {
            if (choices.getOrDefault(d.id(), Pass.FIRST) != Pass.SECOND) continue;
            String k = d.form() + "\u0000" + d.recordKey();
            if (d.variable() != null) {
                changes.computeIfAbsent(a.get(k).record().id(), x -> new LinkedHashMap<>())
                        .put(d.variable(), b.get(k).record().cell(d.variable()));
            } else if (d.second().equals(CODED)) {
                added.add(d);
            } else {
                removed.add(d);
            }
        }
        for (Map.Entry<Long, Map<String, String>> e : changes.entrySet())
            Drafts.save(c, forms, e.getKey(), e.getValue(), actor);
        for (Difference d : added) {
            CaseTree.Node src = b.get(d.form() + "\u0000" + d.recordKey());
            CaseTree.Node parentInSecond = src.parent();
            Long parentId = null;
            for (DraftRecord r : Drafts.records(c, caseId, Pass.FIRST)) {
                if (r.form().equals(parentInSecond.form().name())
                        && r.key().equals(parentInSecond.record().key())) parentId = r.id();
            }
            if (parentId == null) {
                throw new IllegalArgumentException(
                        "record " + d.recordKey() + " can only be taken from pass 2 together with its parent record "
                                + parentInSecond.record().key());
            }
            Long parent = parentId;
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "coding_add",
                            d.form(),
                            "record taken from pass 2 in reconciliation",
                            Json.detail("case", caseId, "pass", 1, "record", d.recordKey())),
                    audit -> {
                        Drafts.insert(
                                c,
                                caseId,
                                Pass.FIRST,
                                d.form(),
                                d.recordKey(),
                                parent,
                                src.record().cells(),
                                null,
                                actor);
                        audit.inserted(d.recordKey(), Json.write(src.record().cells()));
                    });
        }
        for (Difference d : removed) {
            for (DraftRecord r : Drafts.records(c, caseId, Pass.FIRST)) {
                if (r.form().equals(d.form()) && r.key().equals(d.recordKey())) Drafts.remove(c, forms, r.id(), actor);
            }
        }
        Completion.Result result = Completion.complete(c, forms, caseId, Pass.FIRST, actor);
        if (result.completed()) {
            CaseFiles.markReconciled(c, caseId, actor);
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "coding_reconcile",
                            forms.root().name(),
                            "passes reconciled",
                            Json.detail(
                                    "case",
                                    caseId,
                                    "differences",
                                    diffs.size(),
                                    "taken_from_pass_2",
                                    changes.values().stream()
                                                    .mapToInt(Map::size)
                                                    .sum()
                                            + added.size()
                                            + removed.size())));
        }
        return result;
    }

    /**
     * Two coders' values of one field of one record.
     *
     * @param caseId      the case file
     * @param tfId        its task force
     * @param firstCoder  pass 1's coder
     * @param secondCoder pass 2's coder
     * @param form        the form
     * @param variable    the variable
     * @param first       pass 1's value in the import format
     * @param second      pass 2's value
     */
    public record CodedPair(
            String caseId,
            String tfId,
            String firstCoder,
            String secondCoder,
            String form,
            String variable,
            String first,
            String second) {}

    /**
     * The coded pairs of every entered variable of every record both passes have, over the case
     * files of some task forces (null: all) whose two passes are complete: as they stood at
     * reconciliation, or as they stand for case files not reconciled yet.
     */
    public static List<CodedPair> pairs(Connection c, CaseForms forms, Collection<String> tfIds) throws SQLException {
        List<CodedPair> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT case_id, tf_id, first_coder, second_coder, form, variable, first_value, second_value "
                        + "FROM coding_agreement_pair" + (tfIds == null ? "" : " WHERE tf_id = ANY (?)")
                        + " ORDER BY case_id, form, record_key, variable")) {
            if (tfIds != null) ps.setArray(1, c.createArrayOf("text", tfIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CodedPair(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
        List<String[]> cases = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT cc.case_id, cc.tf_id, p1.coder, p2.coder FROM coding_case cc "
                        + "JOIN coding_pass p1 ON p1.case_id = cc.case_id AND p1.pass = 1 JOIN coding_pass p2 ON p2.case_id = cc.case_id AND p2.pass = 2 "
                        + "WHERE p1.status = 'complete' AND p2.status = 'complete' "
                        + "AND NOT EXISTS (SELECT 1 FROM coding_agreement_pair ap WHERE ap.case_id = cc.case_id)"
                        + (tfIds == null ? "" : " AND cc.tf_id = ANY (?)") + " ORDER BY cc.case_id")) {
            if (tfIds != null) ps.setArray(1, c.createArrayOf("text", tfIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    cases.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        for (String[] cs : cases) {
            livePairs(
                    forms,
                    Completion.tree(c, forms, cs[0], Pass.FIRST),
                    Completion.tree(c, forms, cs[0], Pass.SECOND),
                    (form, key, variable, first, second) ->
                            out.add(new CodedPair(cs[0], cs[1], cs[2], cs[3], form, variable, first, second)));
        }
        return out;
    }

    @FunctionalInterface
    private interface PairSink {
        void accept(String form, String recordKey, String variable, String first, String second) throws SQLException;
    }

    private static void livePairs(CaseForms forms, CaseTree first, CaseTree second, PairSink sink) throws SQLException {
        Map<String, CaseTree.Node> b = index(second);
        for (Map.Entry<String, CaseTree.Node> e : index(first).entrySet()) {
            CaseTree.Node y = b.get(e.getKey());
            if (y == null) continue;
            CaseTree.Node x = e.getValue();
            for (Variable v : forms.enteredVariables(x.form())) {
                sink.accept(
                        x.form().name(),
                        x.record().key(),
                        v.name(),
                        normal(v, x.prepared().get(v.name())),
                        normal(v, y.prepared().get(v.name())));
            }
        }
    }

    private static void keepPairs(
            Connection c, CaseForms forms, String caseId, CaseTree first, CaseTree second, PassState p1, PassState p2)
            throws SQLException {
        String tfId = CaseFiles.find(c, caseId).orElseThrow().tfId();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO coding_agreement_pair (case_id, tf_id, first_coder, second_coder, form, record_key, "
                        + "variable, first_value, second_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            livePairs(forms, first, second, (form, key, variable, a, b) -> {
                ps.setString(1, caseId);
                ps.setString(2, tfId);
                ps.setString(3, p1.coder());
                ps.setString(4, p2.coder());
                ps.setString(5, form);
                ps.setString(6, key);
                ps.setString(7, variable);
                ps.setString(8, a);
                ps.setString(9, b);
                ps.addBatch();
            });
            ps.executeBatch();
        }
    }

    private static Map<String, CaseTree.Node> index(CaseTree tree) {
        Map<String, CaseTree.Node> out = new LinkedHashMap<>();
        for (CaseTree.Node n : tree.nodes())
            out.put(n.form().name() + "\u0000" + n.record().key(), n);
        return out;
    }

    /** A cell as the store would format it, so that {@code 1.50} and {@code 1.5} agree. */
    static String normal(Variable v, String raw) {
        if (raw == null || raw.isBlank()) return "";
        String t = raw.strip();
        if (t.startsWith("-") && t.length() <= 3) {
            try {
                return new Missing(Integer.parseInt(t)).toString();
            } catch (IllegalArgumentException e) {
                // not a missing code
            }
        }
        Object o = v.type().parse(t);
        return o == null ? t : FormTable.format(v, o);
    }
}
