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
import org.tfeval.study.coding.CaseSheet;

/** Builds the views of records from the instrument: nothing about a variable is written anywhere else. */
final class FormViews {
    /** The violation code of a blank required field, shown only once completion was attempted. */
    static final String BLANK = "blank";

    private final Instrument instrument;

    FormViews(Instrument instrument) {
        this.instrument = instrument;
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
    record Options(
            boolean editable,
            boolean strict,
            String csrf,
            boolean mayQuery,
            Map<String, List<FieldView.QueryLink>> queries) {}

    NodeView node(CaseSheet sheet, CaseSheet.Entry n, Options o) {
        List<NodeView.Group> groups = new ArrayList<>();
        for (Form child : sheet.childForms(n.form())) {
            List<NodeView> kids = new ArrayList<>();
            for (CaseSheet.Entry k : sheet.children(n, child)) kids.add(node(sheet, k, o));
            groups.add(new NodeView.Group(
                    child.name(),
                    child.label(),
                    o.editable() ? "/records/" + n.id() + "/add/" + child.name() : null,
                    kids));
        }
        return new NodeView(record(sheet, n, o), groups);
    }

    RecordView record(CaseSheet sheet, CaseSheet.Entry n, Options o) {
        List<Violation> found = sheet.violations(n.id());
        List<FieldView> fields = new ArrayList<>();
        for (Variable v : n.form().variables()) fields.add(field(sheet, n, v, found, o));
        List<String> issues = new ArrayList<>();
        for (Violation v : found) {
            if (v.variable() == null || n.form().find(v.variable()).isEmpty()) issues.add(words(v));
        }
        String remove = o.editable() && n.parentId() != null ? "/records/" + n.id() + "/remove" : null;
        return new RecordView(
                n.id(),
                n.form().name(),
                n.form().label(),
                n.key(),
                o.editable(),
                o.strict(),
                o.csrf(),
                fields,
                issues,
                remove,
                n.version());
    }

    FieldView field(CaseSheet sheet, CaseSheet.Entry n, Variable v, List<Violation> found, Options o) {
        Form form = n.form();
        boolean entered = sheet.entered(form, v) && o.editable();
        String value = n.values().getOrDefault(v.name(), "");
        boolean applies = sheet.applies(n, v) != Truth.FALSE;
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Violation x : found) {
            if (!v.name().equals(x.variable())) continue;
            if (!o.strict() && BLANK.equals(x.code())) continue;
            (x.isError() ? errors : warnings).add(words(x));
        }
        FieldView.Kind kind = !entered
                ? FieldView.Kind.FIXED
                : v.type() == VariableType.CODE
                        ? FieldView.Kind.CHOICE
                        : v.type() == VariableType.TEXT ? FieldView.Kind.LONG_TEXT : FieldView.Kind.TEXT;
        List<FieldView.Option> options = new ArrayList<>();
        List<FieldView.MissingButton> missing = new ArrayList<>();
        if (kind == FieldView.Kind.CHOICE) {
            options.add(new FieldView.Option("", "(not entered)", value.isBlank()));
            v.valueLabels()
                    .forEach((code, label) -> options.add(new FieldView.Option(
                            Long.toString(code),
                            code + " " + label,
                            value.strip().equals(Long.toString(code)))));
        }
        for (MissingCode mc : instrument.missingCodes()) {
            if (mc.releaseOnly() || !v.missingCodes().contains(mc.code())) continue;
            String code = Integer.toString(mc.code());
            if (kind == FieldView.Kind.CHOICE)
                options.add(new FieldView.Option(
                        code,
                        code + " " + instrument.missingLabel(mc),
                        value.strip().equals(code)));
            if (entered)
                missing.add(new FieldView.MissingButton(
                        v.name() + "=" + code,
                        code,
                        instrument.missingLabel(mc),
                        value.strip().equals(code)));
        }
        String hint = v.type() == VariableType.DATE
                ? "YYYY-MM-DD"
                : v.type().isNumeric() && v.min() != null && v.max() != null
                        ? v.min().toPlainString() + " to " + v.max().toPlainString()
                        : null;
        String queryHref = o.mayQuery() ? "/records/" + n.id() + "/queries/new?variable=" + v.name() : null;
        return new FieldView(
                n.id(),
                v.name(),
                v.label(),
                v.question(),
                kind,
                value,
                options,
                missing,
                applies,
                v.appliesWhen() == null ? null : v.appliesWhen().source(),
                errors,
                warnings,
                display(v, value),
                hint,
                queryHref,
                o.queries().getOrDefault(n.key() + "|" + v.name(), List.of()));
    }

    /** A value in words: the code's label, the missing code's meaning, or the text. */
    String display(Variable v, String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) return "";
        try {
            long n = Long.parseLong(t);
            var mc = instrument.missingCode((int) n);
            if (n < 0 && mc.isPresent() && v.type() != VariableType.ID)
                return t + " " + instrument.missingLabel(mc.get());
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
