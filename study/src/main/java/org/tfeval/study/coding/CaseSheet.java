package org.tfeval.study.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.coding.CaseCheck;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.store.coding.CaseTree;

/**
 * One pass of a case file as a coder sees it: its records as a tree (the case, then its
 * victims, suspects and offenses), each record's values with repeated, derived and
 * not-applicable cells filled in, whether each variable applies by its skip logic, and what the
 * validation found. Immutable.
 */
public final class CaseSheet {
    /**
     * One record of the pass.
     *
     * @param id       the record (a draft of this pass)
     * @param form     its form
     * @param key      its key ({@code TFA-C0001-V1})
     * @param parentId its parent record, or null for the case
     * @param values   the cells as shown: repeated, derived and not-applicable values filled in
     * @param version  how many times the record was saved: a save names the version it was typed
     *                 on, so a save over someone else's newer one is a conflict, not an overwrite
     */
    public record Entry(long id, Form form, String key, Long parentId, Map<String, String> values, int version) {
        public Entry {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(key, "key");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** A cell as shown, or the empty string. */
        public String value(String variable) {
            String v = values.get(variable);
            return v == null ? "" : v;
        }
    }

    private final CaseForms forms;
    private final CaseTree tree;
    private final CaseCheck check;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Map<Long, CaseTree.Node> nodes = new LinkedHashMap<>();

    CaseSheet(CaseForms forms, CaseTree tree, CaseCheck check) {
        this.forms = forms;
        this.tree = tree;
        this.check = check;
        for (CaseTree.Node n : tree.nodes()) {
            long id = n.record().id();
            entries.put(
                    id,
                    new Entry(
                            id,
                            n.form(),
                            n.record().key(),
                            n.parent() == null ? null : n.parent().record().id(),
                            n.prepared(),
                            n.record().saves()));
            nodes.put(id, n);
        }
    }

    /** The case record. */
    public Entry root() {
        return entries.get(tree.root().record().id());
    }

    /** Every record, parents before children. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Entry> entry(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** A record's child records of one form, by number. */
    public List<Entry> children(Entry e, Form f) {
        List<Entry> out = new ArrayList<>();
        for (CaseTree.Node k : node(e).children(f))
            out.add(entries.get(k.record().id()));
        return out;
    }

    /** The forms whose records hang below a form's records. */
    public List<Form> childForms(Form f) {
        return forms.children(f);
    }

    /** Whether coders enter a variable of a form (not a key, link, repeated or derived value). */
    public boolean entered(Form f, Variable v) {
        return forms.entered(f, v);
    }

    /**
     * What the coder left in a cell, before skip logic: a field skipped after a value was typed keeps
     * it (and shows it again when it comes to apply); blank when nothing was typed or it holds the
     * not-applicable code.
     */
    public String kept(Entry e, String variable) {
        CaseTree.Node n = nodes.get(e.id());
        String raw = n == null ? null : n.record().cell(variable);
        return raw == null || raw.isBlank() || forms.isNotApplicable(raw) ? "" : raw;
    }

    /** Whether a variable applies to a record by its skip logic. */
    public Truth applies(Entry e, Variable v) {
        return tree.applies(node(e), v);
    }

    /** What validation found in a record. */
    public List<Violation> violations(long recordId) {
        return check.of(recordId);
    }

    private CaseTree.Node node(Entry e) {
        CaseTree.Node n = nodes.get(e.id());
        if (n == null) throw new IllegalArgumentException("record " + e.key() + " is not in this case sheet");
        return n;
    }
}
