package org.tfeval.store.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.validation.RecordValidator;

/**
 * The coding workflow as the instrument defines it: the task-force form at the top (the one form
 * without a parent), the case form below it (the root of a case file) and the forms below the
 * case (victims, suspects, offenses). Which variables a coder enters, and how keys are made,
 * follow from the variables' declarations; nothing here names a variable. Immutable.
 */
public final class CaseForms {
    /** Digits of the number in a new case ID ({@code TF01-C0001}), as the synthetic generator writes them. */
    static final int CASE_NUMBER_DIGITS = 4;
    /** Longest cell read as a missing code ({@code -9}, {@code -07}), as the instrument's validator reads cells. */
    static final int MISSING_CODE_LENGTH = 3;

    private final Instrument instrument;
    private final Form top;
    private final Form root;
    private final String taskForceVariable;
    private final int notApplicable;
    private final List<Form> caseFileForms;

    private CaseForms(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        // the case-file tree is the one with grandchildren (task force > case > victim); forms of other
        // strands (participant > interview) stand beside it without a parent and are not coded here
        List<Form> tops = instrument.forms().stream()
                .filter(f -> f.parentLink().isEmpty())
                .filter(f -> instrument.childrenOf(f).stream()
                        .anyMatch(c -> !instrument.childrenOf(c).isEmpty()))
                .toList();
        if (tops.size() != 1) {
            throw new IllegalArgumentException(
                    "web coding needs exactly one form without a parent (the task force); instrument " + instrument.id()
                            + " has " + tops.stream().map(Form::name).toList());
        }
        this.top = tops.get(0);
        if (top.key().size() != 1)
            throw new IllegalArgumentException(
                    "the task-force form " + top.name() + " must have a single key variable");
        this.taskForceVariable = top.key().get(0);
        List<Form> roots = instrument.childrenOf(top);
        if (roots.size() != 1) {
            throw new IllegalArgumentException("web coding needs exactly one form below " + top.name()
                    + " (the case); instrument " + instrument.id() + " has "
                    + roots.stream().map(Form::name).toList());
        }
        this.root = roots.get(0);
        if (root.key().size() != 1 || root.variable(root.key().get(0)).type() != VariableType.ID) {
            throw new IllegalArgumentException("the case form " + root.name() + " must have a single id key");
        }
        this.notApplicable = MissingCode.NOT_APPLICABLE.code();
        List<Form> below = new ArrayList<>();
        collect(root, below);
        this.caseFileForms = instrument.forms().stream().filter(below::contains).toList();
    }

    public static CaseForms of(Instrument instrument) {
        return new CaseForms(instrument);
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The task-force form. */
    public Form top() {
        return top;
    }

    /** The case form: the root of a case file. */
    public Form root() {
        return root;
    }

    /** The variable naming the task force ({@code TF_ID}). */
    public String taskForceVariable() {
        return taskForceVariable;
    }

    /** The missing code for skipped variables. */
    public int notApplicableCode() {
        return notApplicable;
    }

    /** Forms directly below a form. */
    public List<Form> children(Form form) {
        return instrument.childrenOf(form);
    }

    /** The case form and every form below it, parents before children. */
    public List<Form> caseFileForms() {
        return caseFileForms;
    }

    private void collect(Form f, List<Form> out) {
        out.add(f);
        for (Form c : children(f)) collect(c, out);
    }

    /** The form of that name, which must belong to a case file. */
    public Form form(String name) {
        for (Form f : caseFileForms) if (f.name().equals(name)) return f;
        throw new IllegalArgumentException("form " + name + " is not part of a case file");
    }

    /**
     * Whether the coder enters this variable: not a key, not the link to the parent, not repeated
     * from the parent, not derived.
     */
    public boolean entered(Form form, Variable v) {
        return !form.key().contains(v.name()) && v.parent() == null && v.inherit() == null && !v.isDerived();
    }

    /** The variables the coder enters, in form order. */
    public List<Variable> enteredVariables(Form form) {
        return form.variables().stream().filter(v -> entered(form, v)).toList();
    }

    /** The record's key as text (parts joined by '/'), or null when a part is blank. */
    public String recordKey(Form form, Map<String, String> cells) {
        StringBuilder b = new StringBuilder();
        for (String k : form.key()) {
            String v = cells.get(k);
            if (v == null || v.isBlank()) return null;
            if (!b.isEmpty()) b.append('/');
            b.append(v.strip());
        }
        return b.toString();
    }

    /**
     * The identifying cells of a new record: the link to the parent (the task force for a case)
     * and a key numbered {@code n}: a case is {@code <task force>-C0001}, a record below a parent
     * {@code <parent id>-<first letter of the form><n>}, an integer key part is {@code n}.
     */
    public Map<String, String> newRecordCells(Form form, Map<String, String> parentCells, String tfId, int n) {
        if (n < 1) throw new IllegalArgumentException("record number " + n + " must be >= 1");
        Map<String, String> cells = new LinkedHashMap<>();
        String parentId;
        if (form.equals(root)) {
            parentId = Objects.requireNonNull(tfId, "tfId");
            cells.put(root.parentLink().orElseThrow().name(), tfId);
        } else {
            Variable link = form.parentLink()
                    .orElseThrow(() -> new IllegalArgumentException("form " + form.name() + " has no parent"));
            parentId = parentCells.get(link.name());
            if (parentId == null || parentId.isBlank())
                throw new IllegalArgumentException("the parent record has no " + link.name());
            cells.put(link.name(), parentId);
        }
        String letter = form.name().substring(0, 1).toUpperCase(Locale.ROOT);
        for (String k : form.key()) {
            if (cells.containsKey(k)) continue;
            Variable v = form.variable(k);
            String number = form.equals(root)
                    ? String.format(Locale.ROOT, "%0" + CASE_NUMBER_DIGITS + "d", n)
                    : Integer.toString(n);
            cells.put(k, v.type() == VariableType.ID ? parentId + "-" + letter + number : Integer.toString(n));
        }
        return cells;
    }

    /** The identifying cells of an existing case: its task force and its ID. */
    public Map<String, String> rootCells(String tfId, String caseId) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(root.parentLink().orElseThrow().name(), tfId);
        cells.put(root.key().get(0), caseId);
        return cells;
    }

    /** The number a generated key part carries ({@code 12} for {@code TF01-C0012} or {@code 12}), or 0. */
    public int numberOf(Form form, Map<String, String> cells) {
        for (String k : form.key()) {
            Variable v = form.variable(k);
            if (v.parent() != null) continue;
            String s = cells.getOrDefault(k, "");
            int end = s.length();
            int start = end;
            while (start > 0 && Character.isDigit(s.charAt(start - 1))) start--;
            if (start == end || end - start > 9) return 0;
            return Integer.parseInt(s.substring(start, end));
        }
        return 0;
    }

    /**
     * A typed view of cells for skip logic, derivations and rules, as the instrument's validator reads
     * a record ({@link RecordValidator#conditionValue}): the not-applicable code (however written:
     * {@code -7}, {@code -07}) is the {@link Missing} "not applicable", a definite absence that a
     * comparison finds unequal to every value; blank, the other missing codes and unreadable text
     * are null (unknown).
     */
    public Function<String, Object> typed(Form form, Map<String, String> cells) {
        return name -> {
            Variable v = form.find(name).orElse(null);
            String raw = cells.get(name);
            if (v == null || raw == null || raw.isBlank()) return null;
            String t = raw.strip();
            if (v.type() != VariableType.ID) {
                Integer code = missingCodeOf(t);
                if (code != null) return RecordValidator.conditionValue(new Missing(code));
            }
            Object o = v.type().parse(t);
            return o instanceof Missing ? null : o;
        };
    }

    /**
     * Whether a cell holds the not-applicable code, compared as a number ({@code -07} and {@code " -7 "}
     * are it), as the validator reads it.
     */
    public boolean isNotApplicable(String raw) {
        if (raw == null) return false;
        Integer code = missingCodeOf(raw.strip());
        return code != null && code == notApplicable;
    }

    /** The instrument's missing code a stripped cell holds ({@code -9}, {@code -07}), read as the validator does, or null. */
    private Integer missingCodeOf(String t) {
        if (t.isEmpty() || t.charAt(0) != '-' || t.length() > MISSING_CODE_LENGTH) return null;
        try {
            int code = Integer.parseInt(t);
            return instrument.isMissingCode(code) ? code : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
