package org.tfeval.instrument.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Rule;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.expression.Truth;

/**
 * Parses the cells of one record of a form and checks it against the instrument: every problem
 * is reported, not just the first. Thread-safe and immutable.
 */
public final class RecordValidator {
    /** Longest value echoed in a violation. */
    static final int MAX_ECHOED_VALUE = 40;

    private final Instrument instrument;
    private final Form form;
    private final List<Rule> rules;
    private final List<Variable> skipped;
    private final int notApplicable;
    private final java.util.Set<Integer> missingCodes;

    public RecordValidator(Instrument instrument, Form form) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.form = Objects.requireNonNull(form, "form");
        this.rules = instrument.rulesOf(form);
        this.skipped =
                form.variables().stream().filter(v -> v.appliesWhen() != null).toList();
        this.notApplicable = MissingCode.NOT_APPLICABLE.code();
        this.missingCodes = instrument.missingCodes().stream()
                .map(MissingCode::code)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The form this validator checks. */
    public Form form() {
        return form;
    }

    /**
     * Parses raw cells (variable name to text; absent or blank means not keyed) into typed values:
     * {@code Long}, {@code BigDecimal}, {@code LocalDate}, {@code String}, {@link Missing}, or null.
     * Then checks skip logic and the form's within-record rules.
     */
    public Map<String, Object> parse(Map<String, String> cells, Location at, Consumer<Violation> out) {
        Map<String, Object> values = new LinkedHashMap<>();
        String id = rawId(cells);
        for (Variable v : form.variables()) {
            String raw = cells.get(v.name());
            values.put(v.name(), parseCell(v, raw, at, id, out));
        }
        check(values, at, out);
        return values;
    }

    /** Checks skip logic and within-record rules on typed values (as returned by {@link #parse}). */
    public void check(Map<String, Object> values, Location at, Consumer<Violation> out) {
        Function<String, Object> view = name -> conditionValue(values.get(name));
        String id = recordId(values);
        for (Variable v : skipped) {
            Object value = values.get(v.name());
            if (value == null) continue;
            Truth applies = v.appliesWhen().test(view);
            boolean notApplicable = value instanceof Missing m && m.code() == notApplicableCode();
            if (applies == Truth.FALSE && !notApplicable) {
                out.accept(violation(
                        at,
                        id,
                        v,
                        value,
                        "skip_not_applicable",
                        "must be " + notApplicableCode() + " (not applicable) because "
                                + v.appliesWhen().source() + " does not hold",
                        Severity.ERROR));
            } else if (applies == Truth.TRUE && notApplicable) {
                out.accept(violation(
                        at,
                        id,
                        v,
                        value,
                        "skip_applicable",
                        "is coded not applicable but applies because "
                                + v.appliesWhen().source() + " holds",
                        Severity.ERROR));
            }
        }
        for (Rule rule : rules) {
            if (rule instanceof Rule.Require r) {
                if (r.when().test(view) == Truth.TRUE && r.then().test(view) == Truth.FALSE) {
                    out.accept(new Violation(
                            at.file(),
                            at.row(),
                            id,
                            firstVariable(r),
                            null,
                            "rule:" + r.id(),
                            r.message(),
                            r.severity()));
                }
            } else if (rule instanceof Rule.DateOrder d) {
                LocalDate previous = null;
                String previousName = null;
                for (String name : d.dates()) {
                    if (name.contains(".")) continue; // compared with the parent record by the store
                    if (known(values.get(name)) instanceof LocalDate date) {
                        if (previous != null && date.isBefore(previous)) {
                            out.accept(new Violation(
                                    at.file(),
                                    at.row(),
                                    id,
                                    name,
                                    null,
                                    "rule:" + d.id(),
                                    d.message() + " (" + name + " is before " + previousName + ")",
                                    d.severity()));
                        }
                        previous = date;
                        previousName = name;
                    }
                }
            }
        }
    }

    /** The record's key as text, for citing it in violations. */
    public String recordId(Map<String, Object> values) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String k : form.key()) {
            Object v = values.get(k);
            if (v == null) return null;
            cells.put(k, v.toString());
        }
        return rawId(cells);
    }

    /**
     * The record's key from raw cells, for citing it; null when a key cell is blank or does not look
     * like an ID (too long, spaces, or not the key's pattern: shifted columns may hold narrative
     * text there, which must not be quoted).
     */
    private String rawId(Map<String, String> cells) {
        StringBuilder b = new StringBuilder();
        for (String k : form.key()) {
            String v = cells.get(k);
            if (v == null || v.isBlank()) return null;
            String s = v.strip();
            Variable kv = form.variable(k);
            if (!plausibleId(s)
                    || kv.pattern() != null && !kv.pattern().matcher(s).matches()) return null;
            if (!b.isEmpty()) b.append('/');
            b.append(s);
        }
        return b.toString();
    }

    /** Longest text taken for an ID when citing it. */
    static final int MAX_ID = 40;

    /** Whether text can be quoted as an ID: short, no spaces or control characters. */
    static boolean plausibleId(String s) {
        if (s.isEmpty() || s.length() > MAX_ID) return false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch) || Character.isISOControl(ch)) return false;
        }
        return true;
    }

    /**
     * Checks typed values as stored (as {@link #parse} returns them): blanks, missing codes, codes,
     * ranges, formats, skip logic and rules. Used for stored records, without re-parsing text.
     */
    public void validate(Map<String, Object> values, Location at, Consumer<Violation> out) {
        String id = recordId(values);
        for (Variable v : form.variables()) {
            Object value = values.get(v.name());
            if (value == null || value instanceof String str && str.isBlank()) {
                blank(v, at, id, out);
            } else {
                checkValue(v, value, at, id, out);
            }
        }
        check(values, at, out);
    }

    private void blank(Variable v, Location at, String id, Consumer<Violation> out) {
        if (v.required()) {
            out.accept(violation(
                    at,
                    id,
                    v,
                    null,
                    "blank",
                    v.type() == VariableType.ID
                            ? "is blank; every record needs its " + v.label()
                            : "is blank; write a value or a missing code (" + missingList(v) + ")",
                    Severity.ERROR));
        }
    }

    private Object parseCell(Variable v, String raw, Location at, String id, Consumer<Violation> out) {
        if (raw == null || raw.isBlank()) {
            blank(v, at, id, out);
            return null;
        }
        if (raw.indexOf('\u0000') >= 0) {
            out.accept(violation(
                    at,
                    id,
                    v,
                    null,
                    "nul_character",
                    "holds a NUL character (byte 0), which cannot be stored; remove it",
                    Severity.ERROR));
            return null;
        }
        String text = raw.strip();
        Object value = null;
        if (v.type() != VariableType.ID) {
            Integer code = missingCodeOf(text);
            if (code != null) value = new Missing(code);
        }
        if (value == null) value = v.type().parse(text);
        if (value == null) {
            // the text is not of the column's type: it may be another column's content (shifted
            // columns put narrative text here), so it is never echoed
            out.accept(violation(
                    at,
                    id,
                    v,
                    null,
                    v.type() == VariableType.DATE ? "bad_date" : "not_a_number",
                    v.type() == VariableType.DATE
                            ? "is not a date written YYYY-MM-DD"
                            : "is not a " + (v.type() == VariableType.DECIMAL ? "number" : "whole number"),
                    Severity.ERROR));
            return null;
        }
        if (!(value instanceof Missing) && !v.type().fitsColumn(value)) {
            out.accept(violation(
                    at,
                    id,
                    v,
                    null,
                    "not_storable",
                    "is outside what the database can store for a "
                            + v.type().name().toLowerCase(java.util.Locale.ROOT)
                            + " variable (whole numbers -2147483648 to 2147483647, dates in years 1 to 9999)",
                    Severity.ERROR));
            return null;
        }
        checkValue(v, value, at, id, out);
        return value;
    }

    /** Checks one typed value (not blank) against its variable. */
    private void checkValue(Variable v, Object value, Location at, String id, Consumer<Violation> out) {
        if (value instanceof Missing m) {
            if (!v.missingCodes().contains(m.code())) {
                MissingCode mc = instrument.missingCode(m.code()).orElseThrow();
                out.accept(violation(
                        at,
                        id,
                        v,
                        m.toString(),
                        "missing_code_not_allowed",
                        "the missing code " + m.code() + " ("
                                + instrument.missingLabel(mc).toLowerCase(java.util.Locale.ROOT)
                                + ") is not allowed here"
                                + (v.missingCodes().isEmpty() ? "" : "; allowed: " + missingList(v)),
                        Severity.ERROR));
            }
            return;
        }
        switch (v.type()) {
            case CODE -> {
                if (v.labelOf((Long) value) == null) {
                    out.accept(violation(
                            at,
                            id,
                            v,
                            value,
                            "undocumented_code",
                            "is not a documented code; valid codes: " + codeList(v),
                            Severity.ERROR));
                }
            }
            case INTEGER, DECIMAL -> {
                BigDecimal n = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
                if ((v.min() != null && n.compareTo(v.min()) < 0) || (v.max() != null && n.compareTo(v.max()) > 0)) {
                    out.accept(violation(
                            at,
                            id,
                            v,
                            v.type().format(value),
                            "out_of_range",
                            "is outside the valid range " + rangeText(v),
                            Severity.ERROR));
                }
            }
            case DATE -> {
                LocalDate d = (LocalDate) value;
                if (d.isBefore(instrument.minDate()) || d.isAfter(instrument.maxDate())) {
                    out.accept(violation(
                            at,
                            id,
                            v,
                            d,
                            "date_out_of_range",
                            "is outside the study's date range " + instrument.minDate() + " to " + instrument.maxDate(),
                            Severity.ERROR));
                }
            }
            default -> {
                String s = (String) value;
                if (v.maxLength() > 0 && s.length() > v.maxLength()) {
                    out.accept(violation(
                            at,
                            id,
                            v,
                            null,
                            "too_long",
                            "is " + s.length() + " characters long; at most " + v.maxLength() + " are allowed",
                            Severity.ERROR));
                }
                if (v.pattern() != null && !v.pattern().matcher(s).matches()) {
                    out.accept(violation(
                            at,
                            id,
                            v,
                            plausibleId(s) ? s : null,
                            "bad_format",
                            "does not have the required form " + v.pattern().pattern(),
                            Severity.ERROR));
                }
            }
        }
    }

    private Integer missingCodeOf(String text) {
        if (text.length() > 3 || text.isEmpty() || text.charAt(0) != '-') return null;
        try {
            int code = Integer.parseInt(text);
            return missingCodes.contains(code) ? code : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private int notApplicableCode() {
        return notApplicable;
    }

    private Violation violation(
            Location at, String id, Variable v, Object value, String code, String message, Severity s) {
        return new Violation(at.file(), at.row(), id, v.name(), echo(v, value), code, message, s);
    }

    /** The value as it may be shown: never for direct identifiers or free text. */
    static String echo(Variable v, Object value) {
        if (value == null
                || v.disclosure() == DisclosureRole.DIRECT
                || v.type() == VariableType.TEXT
                || v.type() == VariableType.STRING) {
            return null;
        }
        String s = value.toString();
        return s.length() > MAX_ECHOED_VALUE ? s.substring(0, MAX_ECHOED_VALUE) + "..." : s;
    }

    /** A value as conditions see it: typed, "not applicable" kept as such, null when blank or unknown. */
    public static Object conditionValue(Object value) {
        if (value instanceof Missing m) return m.isNotApplicable() ? m : null;
        return value instanceof String s && s.isBlank() ? null : value;
    }

    /** A typed value, or null for blanks and missing codes. */
    public static Object known(Object value) {
        return value instanceof Missing ? null : value;
    }

    private static String firstVariable(Rule.Require r) {
        return r.then().variables().stream().findFirst().orElse(null);
    }

    private String missingList(Variable v) {
        List<String> out = new ArrayList<>();
        for (MissingCode m : instrument.missingCodes()) {
            if (v.missingCodes().contains(m.code()))
                out.add(m.code() + " " + instrument.missingLabel(m).toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(", ", out);
    }

    private static String codeList(Variable v) {
        List<String> out = new ArrayList<>();
        v.valueLabels().forEach((k, l) -> out.add(k + " " + l));
        String s = String.join(", ", out);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static String rangeText(Variable v) {
        return (v.min() == null ? "" : v.min().toPlainString()) + " to "
                + (v.max() == null ? "" : v.max().toPlainString());
    }
}
