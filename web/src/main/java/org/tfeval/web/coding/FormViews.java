package org.tfeval.web.coding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.expression.SkipLogicSpec;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.study.coding.CaseSheet;
import org.tfeval.web.Chrome;

/** Builds the views of records from the instrument: nothing about a variable is written anywhere else. */
final class FormViews {
    /** The violation code of a blank required field, shown only once completion was attempted. */
    static final String BLANK = "blank";

    /** A variable named in REDCap branching logic: {@code [S_ARRESTED]}. */
    private static final Pattern REFERENCE = Pattern.compile("\\[([A-Za-z][A-Za-z0-9_]*)\\]");

    private final Instrument instrument;
    private final Map<String, Set<String>> controllers = new ConcurrentHashMap<>();
    private final Map<String, String> skipSpecs = new ConcurrentHashMap<>();

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
        Map<String, FieldView> byName = new LinkedHashMap<>();
        for (Variable v : n.form().variables()) {
            FieldView f = field(sheet, n, v, found, o);
            fields.add(f);
            byName.put(v.name(), f);
        }
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
                n.version(),
                sections(n, byName),
                o.editable() ? skipSpec(n.form()) : null);
    }

    /** The form's skip logic for the browser (JSON), or null when no entered field of it has any. */
    private String skipSpec(Form form) {
        return skipSpecs.computeIfAbsent(form.name(), k -> {
            boolean any = form.variables().stream().anyMatch(v -> v.appliesWhen() != null);
            return any ? SkipLogicSpec.json(instrument, form) : "";
        });
    }

    /** The record's fields in the instrument's sections; consecutive yes/no items of a group as one block. */
    private static List<SectionView> sections(CaseSheet.Entry n, Map<String, FieldView> byName) {
        List<SectionView> out = new ArrayList<>();
        for (Form.Part part : n.form().parts()) {
            List<SectionView.Block> blocks = new ArrayList<>();
            List<Variable> vars = part.variables();
            for (int i = 0; i < vars.size(); ) {
                Variable v = vars.get(i);
                FieldView f = byName.get(v.name());
                if (f.kind() != FieldView.Kind.YES_NO) {
                    blocks.add(new SectionView.Block(null, List.of(f)));
                    i++;
                    continue;
                }
                List<Variable> run = new ArrayList<>();
                while (i < vars.size()
                        && v.group().equals(vars.get(i).group())
                        && byName.get(vars.get(i).name()).kind() == FieldView.Kind.YES_NO) {
                    run.add(vars.get(i));
                    i++;
                }
                blocks.add(new SectionView.Block(
                        legend(v.group(), run),
                        run.stream().map(r -> byName.get(r.name())).toList()));
            }
            String name = part.section() == null ? "all" : part.section().name();
            out.add(new SectionView(
                    "s-" + n.id() + "-" + name,
                    part.section() == null ? null : part.section().label(),
                    blocks));
        }
        return out;
    }

    /** A group's heading: the words its items' labels share before a colon, else its name in words. */
    static String legend(String group, List<Variable> items) {
        String shared = null;
        for (Variable v : items) {
            int colon = v.label().indexOf(": ");
            String prefix = colon < 0 ? null : v.label().substring(0, colon);
            if (prefix == null || (shared != null && !shared.equals(prefix))) {
                shared = null;
                break;
            }
            shared = prefix;
        }
        if (shared != null) return shared;
        String words = group.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A yes/no item's label without its group's shared prefix ("Evidence: surveillance" is "Surveillance"). */
    static String caption(Variable v) {
        int colon = v.label().indexOf(": ");
        if (v.group() == null || colon < 0) return v.label();
        String rest = v.label().substring(colon + 2);
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /** Whether a yes/no item of a group: a code of exactly the values 0 and 1, in a group. */
    static boolean yesNo(Variable v) {
        return v.type() == VariableType.CODE
                && v.group() != null
                && v.valueLabels().keySet().equals(Set.of(0L, 1L));
    }

    /** The variables another variable's skip logic in the form refers to. */
    static Set<String> controllers(Form form) {
        Set<String> out = new HashSet<>();
        for (Variable v : form.variables()) {
            if (v.appliesWhen() == null) continue;
            Matcher m = REFERENCE.matcher(v.appliesWhen().source());
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    FieldView field(CaseSheet sheet, CaseSheet.Entry n, Variable v, List<Violation> found, Options o) {
        Form form = n.form();
        boolean entered = sheet.entered(form, v) && o.editable();
        boolean applies = sheet.applies(n, v) != Truth.FALSE;
        // a field skipped by skip logic shows the not-applicable code; its (disabled) controls hold what the
        // coder left in it, which is what the server shows again when the field comes to apply
        String value = applies || !entered ? n.values().getOrDefault(v.name(), "") : sheet.kept(n, v.name());
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Violation x : found) {
            if (!v.name().equals(x.variable())) continue;
            if (!o.strict() && BLANK.equals(x.code())) continue;
            (x.isError() ? errors : warnings).add(words(x));
        }
        FieldView.Kind kind = !entered
                ? FieldView.Kind.FIXED
                : yesNo(v)
                        ? FieldView.Kind.YES_NO
                        : v.type() == VariableType.CODE
                                ? FieldView.Kind.CHOICE
                                : v.type() == VariableType.TEXT ? FieldView.Kind.LONG_TEXT : FieldView.Kind.TEXT;
        List<FieldView.Option> options = new ArrayList<>();
        List<FieldView.MissingButton> missing = new ArrayList<>();
        boolean choices = kind == FieldView.Kind.CHOICE || kind == FieldView.Kind.YES_NO;
        if (choices) {
            if (kind == FieldView.Kind.CHOICE) options.add(new FieldView.Option("", "(not entered)", value.isBlank()));
            v.valueLabels()
                    .forEach((code, label) -> options.add(new FieldView.Option(
                            Long.toString(code),
                            code + " " + label,
                            value.strip().equals(Long.toString(code)))));
        }
        for (MissingCode mc : instrument.missingCodes()) {
            if (mc.releaseOnly() || !v.missingCodes().contains(mc.code())) continue;
            String code = Integer.toString(mc.code());
            if (choices)
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
                o.queries().getOrDefault(n.key() + "|" + v.name(), List.of()),
                caption(v),
                v.type().name().toLowerCase(Locale.ROOT),
                controllers.computeIfAbsent(form.name(), k -> controllers(form)).contains(v.name()),
                v.required());
    }

    /** The records of a case file in page order, for the side index; the first record of each form gets a key. */
    List<CasePage.IndexEntry> index(NodeView root) {
        List<CasePage.IndexEntry> out = new ArrayList<>();
        Set<String> keysTaken = new HashSet<>();
        Set<String> formsKeyed = new HashSet<>();
        index(root, 0, out, keysTaken, formsKeyed);
        return out;
    }

    private void index(
            NodeView n, int depth, List<CasePage.IndexEntry> out, Set<String> keysTaken, Set<String> formsKeyed) {
        RecordView r = n.record();
        String key = null;
        if (formsKeyed.add(r.form())) {
            for (char c : r.form().toLowerCase(Locale.ROOT).toCharArray()) {
                String k = String.valueOf(c);
                if (Character.isLetter(c) && !RESERVED_KEYS.contains(k) && keysTaken.add(k)) {
                    key = k;
                    break;
                }
            }
        }
        List<Chrome.Link> sections = new ArrayList<>();
        for (SectionView s : r.sections())
            if (s.label() != null) sections.add(new Chrome.Link("#" + s.anchor(), s.label()));
        out.add(new CasePage.IndexEntry(
                "#" + r.anchor(), r.formLabel(), r.key(), depth, sections, r.left(), r.id(), key));
        for (NodeView.Group g : n.groups())
            for (NodeView k : g.nodes()) index(k, depth + 1, out, keysTaken, formsKeyed);
    }

    /** The form's keyboard shortcuts, for its legend: the missing codes are the instrument's. */
    List<CasePage.Key> keys() {
        List<CasePage.Key> out = new ArrayList<>();
        out.add(new CasePage.Key("0-9", "choose a code; the cursor moves on once the code is whole"));
        for (MissingCode mc : instrument.missingCodes()) {
            if (mc.releaseOnly()) continue;
            out.add(new CasePage.Key(
                    "\u2212" + (-mc.code()),
                    mc.code() + " " + instrument.missingLabel(mc) + " (where the field allows it)"));
        }
        out.add(new CasePage.Key("Tab / Enter", "next field (a yes/no row is one stop)"));
        out.add(new CasePage.Key("Alt+PageDown / Alt+PageUp", "next / previous record"));
        out.add(new CasePage.Key("Alt+letter", "jump to the record underlined in the index"));
        return out;
    }

    /** Access keys the browser or the page keeps for itself. */
    private static final Set<String> RESERVED_KEYS = Set.of("d", "e", "f");

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
