package org.tfeval.store.coding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.tfeval.instrument.Derivation;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Rule;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.Violation;

/**
 * The records of one pass of a case file as a tree (case, then victims, suspects and their
 * offenses), each with its <em>prepared</em> cells: what the coder typed, plus the values
 * repeated from the parent record, the values derived from the child records, and {@code -7}
 * wherever skip logic says a variable does not apply (a value coded {@code -7}, or {@code -07}, is
 * cleared again when it comes to apply). Conditions read cells through {@link CaseForms#typed}, as
 * the validator does: a variable that does not apply equals no value, so whatever depends on it
 * being some value does not apply either, down the chain, and a derived "any ... where" counts it
 * as not meeting the condition. The server evaluates skip logic here and nowhere else.
 */
public final class CaseTree {
    private final CaseForms forms;
    private final Node root;
    private final List<Node> nodes;
    private final String notApplicable;

    /** One record in the tree. */
    public static final class Node {
        private final DraftRecord record;
        private final Form form;
        private final Node parent;
        private final List<Node> children = new ArrayList<>();
        private Map<String, String> prepared;

        private Node(DraftRecord record, Form form, Node parent) {
            this.record = record;
            this.form = form;
            this.parent = parent;
        }

        public DraftRecord record() {
            return record;
        }

        public Form form() {
            return form;
        }

        /** The parent record, or null for the case. */
        public Node parent() {
            return parent;
        }

        public List<Node> children() {
            return Collections.unmodifiableList(children);
        }

        /** Child records of one form, by key number. */
        public List<Node> children(Form f) {
            return children.stream().filter(n -> n.form.equals(f)).toList();
        }

        /** The cells with repeated, derived and not-applicable values filled in. */
        public Map<String, String> prepared() {
            return prepared;
        }
    }

    private CaseTree(CaseForms forms, List<DraftRecord> records) {
        this.forms = Objects.requireNonNull(forms, "forms");
        this.notApplicable = Integer.toString(forms.notApplicableCode());
        Map<Long, Node> byId = new LinkedHashMap<>();
        Node r = null;
        List<DraftRecord> ordered = new ArrayList<>(records);
        List<Form> order = forms.caseFileForms();
        ordered.sort(Comparator.<DraftRecord>comparingInt(d -> order.indexOf(forms.form(d.form())))
                .thenComparingInt(d -> forms.numberOf(forms.form(d.form()), d.cells()))
                .thenComparing(DraftRecord::key));
        // parents first: a record's parent is of an earlier form
        for (DraftRecord d : ordered) {
            Form f = forms.form(d.form());
            if (d.parentId() == null) {
                if (!f.equals(forms.root()))
                    throw new IllegalArgumentException(
                            "record " + d.key() + " of form " + f.name() + " has no parent record");
                if (r != null) throw new IllegalArgumentException("case file " + d.caseId() + " has two case records");
                r = new Node(d, f, null);
                byId.put(d.id(), r);
            } else {
                Node p = byId.get(d.parentId());
                if (p == null)
                    throw new IllegalArgumentException(
                            "record " + d.key() + ": its parent record " + d.parentId() + " is not in the case file");
                Node n = new Node(d, f, p);
                p.children.add(n);
                byId.put(d.id(), n);
            }
        }
        if (r == null) throw new IllegalArgumentException("the case file has no case record");
        this.root = r;
        List<Node> all = new ArrayList<>();
        preOrder(root, all);
        this.nodes = List.copyOf(all);
        for (Node n : nodes) inheritAndSkip(n);
        postOrder(root);
    }

    /** The tree of a pass's records; exactly one must be the case record. */
    public static CaseTree of(CaseForms forms, List<DraftRecord> records) {
        return new CaseTree(forms, records);
    }

    public Node root() {
        return root;
    }

    /** Every record, parents before children. */
    public List<Node> nodes() {
        return nodes;
    }

    public Optional<Node> node(long recordId) {
        return nodes.stream().filter(n -> n.record.id() == recordId).findFirst();
    }

    /** Whether a variable applies to a record, by its skip logic (TRUE when it has none). */
    public Truth applies(Node n, Variable v) {
        if (v.appliesWhen() == null) return Truth.TRUE;
        return v.appliesWhen().test(forms.typed(n.form, n.prepared));
    }

    /** Checks every record with the instrument's validator, and the date rules that compare a record with its parent. */
    public CaseCheck check() {
        Map<Long, List<Violation>> out = new LinkedHashMap<>();
        for (Node n : nodes) {
            List<Violation> found = new ArrayList<>();
            RecordValidator validator = new RecordValidator(forms.instrument(), n.form);
            validator.parse(n.prepared, new Location(n.form.name(), 0), found::add);
            parentDates(n, found);
            out.put(n.record.id(), found);
        }
        return new CaseCheck(out);
    }

    private void parentDates(Node n, List<Violation> out) {
        if (n.parent == null) return;
        for (Rule rule : forms.instrument().rulesOf(n.form)) {
            if (!(rule instanceof Rule.DateOrder d)) continue;
            for (int i = 1; i < d.dates().size(); i++) {
                String a = d.dates().get(i - 1);
                String b = d.dates().get(i);
                if (!a.contains(".") && !b.contains(".")) continue;
                if (dateOf(n, a) instanceof LocalDate da && dateOf(n, b) instanceof LocalDate db && da.isAfter(db)) {
                    String own = a.contains(".") ? b : a;
                    out.add(new Violation(
                            n.form.name(),
                            0,
                            n.record.key(),
                            own,
                            null,
                            "rule:" + d.id(),
                            d.message() + " (" + a + " is after " + b + ")",
                            d.severity()));
                }
            }
        }
    }

    private Object dateOf(Node n, String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) return forms.typed(n.form, n.prepared).apply(ref);
        String formName = ref.substring(0, dot);
        for (Node a = n.parent; a != null; a = a.parent) {
            if (a.form.name().equals(formName))
                return forms.typed(a.form, a.prepared).apply(ref.substring(dot + 1));
        }
        return null;
    }

    private static void preOrder(Node n, List<Node> out) {
        out.add(n);
        for (Node c : n.children) preOrder(c, out);
    }

    private void inheritAndSkip(Node n) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (Variable v : n.form.variables()) cells.put(v.name(), n.record.cell(v.name()));
        for (Variable v : n.form.variables()) {
            if (v.inherit() == null) continue;
            for (Node a = n.parent; a != null; a = a.parent) {
                if (a.form.name().equals(v.inherit())) {
                    cells.put(v.name(), a.prepared.getOrDefault(v.name(), ""));
                    break;
                }
            }
        }
        n.prepared = cells;
        applySkipLogic(n);
    }

    private void postOrder(Node n) {
        for (Node c : n.children) postOrder(c);
        boolean derived = false;
        for (Variable v : n.form.variables()) {
            if (!v.isDerived()) continue;
            derived = true;
            Form child = forms.instrument().form(v.derived().form());
            List<Node> kids = n.children(child);
            String value;
            if (v.derived().kind() == Derivation.Kind.COUNT) {
                value = Integer.toString(kids.size());
            } else {
                boolean unknown = false;
                boolean any = false;
                for (Node k : kids) {
                    Truth t = v.derived().where().test(forms.typed(k.form, k.prepared));
                    if (t == Truth.TRUE) any = true;
                    if (t == Truth.UNKNOWN) unknown = true;
                }
                value = any ? "1" : unknown ? "" : "0";
            }
            n.prepared.put(v.name(), value);
        }
        if (derived) applySkipLogic(n);
        n.prepared = Collections.unmodifiableMap(n.prepared);
    }

    private void applySkipLogic(Node n) {
        List<Variable> skipped = n.form.variables().stream()
                .filter(v -> v.appliesWhen() != null && forms.entered(n.form, v))
                .toList();
        for (int round = 0; round <= skipped.size(); round++) {
            boolean changed = false;
            for (Variable v : skipped) {
                Function<String, Object> view = forms.typed(n.form, n.prepared);
                Truth t = v.appliesWhen().test(view);
                // compared as a number, as the validator reads it: -07 is the not-applicable code too
                boolean isNa = forms.isNotApplicable(n.prepared.get(v.name()));
                if (t == Truth.FALSE && !isNa) {
                    n.prepared.put(v.name(), notApplicable);
                    changed = true;
                } else if (t == Truth.TRUE && isNa) {
                    n.prepared.put(v.name(), "");
                    changed = true;
                }
            }
            if (!changed) return;
        }
    }
}
