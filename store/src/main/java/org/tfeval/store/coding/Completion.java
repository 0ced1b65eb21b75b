package org.tfeval.store.coding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.query.Queries;
import org.tfeval.store.schema.FormTable;

/**
 * Marks a pass complete when every record of the case file passes validation. Completing pass 1
 * writes the case file into the form tables (inserted, changed and removed records, audited with
 * old and new values) and opens a query for every warning.
 */
public final class Completion {
    /** The violation code when the stored record was changed outside this coding (an import or an edit). */
    public static final String CHANGED_ELSEWHERE = "changed_elsewhere";

    private Completion() {}

    /**
     * What completing a pass found.
     *
     * @param check     the violations of every record
     * @param conflicts stored records changed outside this coding since it read them
     * @param completed whether the pass is now complete
     */
    public record Result(CaseCheck check, List<Violation> conflicts, boolean completed) {
        public Result {
            Objects.requireNonNull(check, "check");
            conflicts = List.copyOf(conflicts);
            if (completed && (!check.passes() || !conflicts.isEmpty()))
                throw new IllegalArgumentException("a pass with errors cannot be complete");
        }
    }

    /** The tree of a pass's records. */
    public static CaseTree tree(Connection c, CaseForms forms, String caseId, Pass pass) throws SQLException {
        return CaseTree.of(forms, Drafts.records(c, caseId, pass));
    }

    /** Validates the pass and, when it passes, marks it complete (writing pass 1 into the form tables). */
    public static Result complete(Connection c, CaseForms forms, String caseId, Pass pass, String actor)
            throws SQLException {
        PassState state = CaseFiles.lockPass(c, caseId, pass);
        CaseFile cf = CaseFiles.find(c, caseId).orElseThrow();
        CaseTree tree = tree(c, forms, caseId, pass);
        CaseCheck check = tree.check();
        if (!check.passes()) return new Result(check, List.of(), false);
        if (!pass.writesStudyData()) {
            CaseFiles.setStatus(c, caseId, pass, PassStatus.COMPLETE);
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "coding_complete",
                            forms.root().name(),
                            "coding pass marked complete",
                            Json.detail("case", caseId, "pass", pass.number(), "coder", state.coder())));
            return new Result(check, List.of(), true);
        }
        // read what is stored now, and what this coding last saw
        List<Violation> conflicts = new ArrayList<>();
        Map<Long, Map<String, Object>> typed = new LinkedHashMap<>();
        Map<Long, String> before = new LinkedHashMap<>();
        for (CaseTree.Node n : tree.nodes()) {
            RecordValidator validator = new RecordValidator(forms.instrument(), n.form());
            Map<String, Object> values =
                    validator.parse(n.prepared(), new Location(n.form().name(), 0), v -> {});
            typed.put(n.record().id(), values);
            FormTable t = new FormTable(forms.instrument(), n.form());
            String now = StoredRecords.json(c, t, StoredRecords.key(n.form(), values));
            String seen = Drafts.stored(c, n.record().id());
            if (!Objects.equals(now, seen)) {
                conflicts.add(new Violation(
                        n.form().name(),
                        0,
                        n.record().key(),
                        null,
                        null,
                        CHANGED_ELSEWHERE,
                        seen == null
                                ? "a record with this key was stored by an import or edit since this coding started; reload the case file from the study data"
                                : "the stored record was changed or removed by an import or edit since this coding read it; reload the case file from the study data",
                        Severity.ERROR));
            }
            before.put(n.record().id(), now);
        }
        if (!conflicts.isEmpty()) return new Result(check, conflicts, false);
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        "coding_complete",
                        forms.root().name(),
                        "case file completed in the web application",
                        Json.detail("case", caseId, "pass", pass.number(), "coder", state.coder())),
                changes -> {
                    // records stored for this case that the coding no longer has, children first
                    List<Removal> removals = new ArrayList<>();
                    storedBelow(
                            c,
                            forms,
                            forms.root(),
                            StoredRecords.key(
                                    forms.root(), typed.get(tree.root().record().id())),
                            removals);
                    Set<String> kept = new HashSet<>();
                    for (CaseTree.Node n : tree.nodes())
                        kept.add(n.form().name() + "\u0000" + n.record().key());
                    for (int i = removals.size() - 1; i >= 0; i--) {
                        Removal r = removals.get(i);
                        if (kept.contains(r.form().name() + "\u0000" + r.keyText())) continue;
                        FormTable t = new FormTable(forms.instrument(), r.form());
                        String old = StoredRecords.json(c, t, r.key());
                        StoredRecords.delete(c, t, r.key());
                        changes.deleted(r.keyText(), old);
                    }
                    for (CaseTree.Node n : tree.nodes()) {
                        FormTable t = new FormTable(forms.instrument(), n.form());
                        Map<String, Object> values = typed.get(n.record().id());
                        List<Object> key = StoredRecords.key(n.form(), values);
                        StoredRecords.upsert(c, t, values);
                        String after = StoredRecords.json(c, t, key);
                        String old = before.get(n.record().id());
                        if (!Objects.equals(old, after))
                            changes.stored(n.record().key(), old, after);
                        Drafts.setStored(c, n.record().id(), after);
                    }
                    CaseFiles.setStatus(c, caseId, pass, PassStatus.COMPLETE);
                });
        for (CaseTree.Node n : tree.nodes()) {
            for (Violation w : check.of(n.record().id())) {
                if (w.isError()) continue;
                Queries.openForRule(
                        c, caseId, cf.tfId(), n.form().name(), n.record().key(), w.variable(), w.code(), w.message());
            }
        }
        return new Result(check, List.of(), true);
    }

    private record Removal(Form form, List<Object> key, String keyText) {}

    private static void storedBelow(Connection c, CaseForms forms, Form form, List<Object> key, List<Removal> out)
            throws SQLException {
        FormTable t = new FormTable(forms.instrument(), form);
        Map<String, String> cells = StoredRecords.cells(c, t, key);
        if (cells == null) return;
        out.add(new Removal(form, key, forms.recordKey(form, cells)));
        for (Form child : forms.children(form)) {
            String link = child.parentLink().orElseThrow().name();
            Object linkValue = form.variable(link).type().parse(cells.get(link));
            for (List<Object> k :
                    StoredRecords.keysLinkedTo(c, new FormTable(forms.instrument(), child), link, linkValue)) {
                storedBelow(c, forms, child, k, out);
            }
        }
    }
}
