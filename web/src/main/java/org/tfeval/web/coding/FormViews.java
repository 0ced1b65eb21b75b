package org.tfeval.web.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.coding.CaseCheck;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.store.coding.CaseTree;

/** Builds the views of records from the instrument: nothing about a variable is written anywhere else. */
final class FormViews {
    /** The violation code of a blank required field, shown only once completion was attempted. */
    static final String BLANK = "blank";

    private final CaseForms forms;
    private final Instrument instrument;

    FormViews(CaseForms forms) {
        this.forms = forms;
        this.instrument = forms.instrument();
    }

    /**
     * How a record is shown.
     *
     * @param editable whether the session may change the pass
     * @param strict   whether to show blank required fields as errors
     * @param csrf     the session's token
     * @param mayQuery whether the session may open queries
     * @param queries  unsettled queries by {@code recordKey|VARIABLE}
     */
    record Options(boolean editable, boolean strict, String csrf, boolean mayQuery, Map<String, List<FieldView.QueryLink>> queries) {
    }

    NodeView node(CaseTree tree, CaseTree.Node n, CaseCheck check, Options o) {
        List<NodeView.Group> groups = new ArrayList<>();
        for (Form child : forms.children(n.form())) {
            List<NodeView> kids = new ArrayList<>();
            for (CaseTree.Node k : n.children(child)) kids.add(node(tree, k, check, o));
            groups.add(new NodeView.Group(child.name(), child.label(), o.editable() ? "/records/" + n.record().id() + "/add/" + child.name() : null, kids));
        }
        return new NodeView(record(tree, n, check, o), groups);
    }

    RecordView record(CaseTree tree, CaseTree.Node n, CaseCheck check, Options o) {
        List<Violation> found = check.of(n.record().id());
        List<FieldView> fields = new ArrayList<>();
        for (Variable v : n.form().variables()) fields.add(field(tree, n, v, found, o));
        List<String> issues = new ArrayList<>();
        for (Violation v : found) {
            if (v.variable() == null || n.form().find(v.variable()).isEmpty()) issues.add(words(v));
        }
        String remove = o.editable() && n.parent() != null ? "/records/" + n.record().id() + "/remove" : null;
        return new RecordView(n.record().id(), n.form().name(), n.form().label(), n.record().key(), o.editable(), o.strict(), o.csrf(), fields, issues, remove);
    }

    FieldView field(CaseTree tree, CaseTree.Node n, Variable v, List<Violation> found, Options o) {
        Form form = n.form();
        boolean entered = forms.entered(form, v) && o.editable();
        String value = n.prepared().getOrDefault(v.name(), "");
        boolean applies = tree.applies(n, v) != Truth.FALSE;
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Violation x : found) {
            if (!v.name().equals(x.variable())) continue;
            if (!o.strict() && BLANK.equals(x.code())) continue;
            (x.isError() ? errors : warnings).add(words(x));
        }
        FieldView.Kind kind = !entered ? FieldView.Kind.FIXED
                : v.type() == VariableType.CODE ? FieldView.Kind.CHOICE
                : v.type() == VariableType.TEXT ? FieldView.Kind.LONG_TEXT : FieldView.Kind.TEXT;
        List<FieldView.Option> options = new ArrayList<>();
        List<FieldView.MissingButton> missing = new ArrayList<>();
        if (kind == FieldView.Kind.CHOICE) {
            options.add(new FieldView.Option("", "(not entered)", value.isBlank()));
            v.valueLabels().forEach((code, label) -> options.add(new FieldView.Option(Long.toString(code), code + " " + label, value.strip().equals(Long.toString(code)))));
        }
        for (MissingCode mc : instrument.missingCodes()) {
            if (mc.releaseOnly() || !v.missingCodes().contains(mc.code())) continue;
            String code = Integer.toString(mc.code());
            if (kind == FieldView.Kind.CHOICE) options.add(new FieldView.Option(code, code + " " + instrument.missingLabel(mc), value.strip().equals(code)));
            if (entered) missing.add(new FieldView.MissingButton(v.name() + "=" + code, code, instrument.missingLabel(mc), value.strip().equals(code)));
        }
        String hint = v.type() == VariableType.DATE ? "YYYY-MM-DD" : v.type().isNumeric() && v.min() != null && v.max() != null
                ? v.min().toPlainString() + " to " + v.max().toPlainString() : null;
        String queryHref = o.mayQuery() ? "/records/" + n.record().id() + "/queries/new?variable=" + v.name() : null;
        return new FieldView(n.record().id(), v.name(), v.label(), v.question(), kind, value, options, missing, applies,
                v.appliesWhen() == null ? null : v.appliesWhen().source(), errors, warnings, display(v, value), hint, queryHref,
                o.queries().getOrDefault(n.record().key() + "|" + v.name(), List.of()));
    }

    /** A value in words: the code's label, the missing code's meaning, or the text. */
    String display(Variable v, String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) return "";
        try {
            long n = Long.parseLong(t);
            var mc = instrument.missingCode((int) n);
            if (n < 0 && mc.isPresent() && v.type() != VariableType.ID) return t + " " + instrument.missingLabel(mc.get());
            if (v.type() == VariableType.CODE && v.labelOf(n) != null) return t + " " + v.labelOf(n);
        } catch (NumberFormatException e) {
            // not a code
        }
        return t;
    }

    /** A violation in words for the coder (no values echoed). */
    static String words(Violation v) {
        return v.message();
    }
}
