package org.tfeval.instrument.redcap;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.instrument.Derivation;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentException;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.expression.Expression;

/**
 * Converts between an instrument and a REDCap data dictionary CSV. A form's sections are REDCap's
 * "Section Header" on the section's first field (the heading; its name in {@code tfeval_section});
 * a plain REDCap dictionary's section headers become sections named after their text.
 */
public final class RedcapDictionary {
    /** REDCap's 18 standard columns, in order. */
    public static final List<String> REDCAP_COLUMNS = List.of(
            "Variable / Field Name",
            "Form Name",
            "Section Header",
            "Field Type",
            "Field Label",
            "Choices, Calculations, OR Slider Labels",
            "Field Note",
            "Text Validation Type OR Show Slider Number",
            "Text Validation Min",
            "Text Validation Max",
            "Identifier?",
            "Branching Logic (Show field only if...)",
            "Required Field?",
            "Custom Alignment",
            "Question Number (surveys only)",
            "Matrix Group Name",
            "Matrix Ranking?",
            "Field Annotation");

    /** Columns carrying what REDCap lacks. */
    public static final List<String> EXTRA_COLUMNS = List.of(
            "tfeval_variable",
            "tfeval_form_label",
            "tfeval_type",
            "tfeval_key",
            "tfeval_value_set",
            "tfeval_missing",
            "tfeval_pattern",
            "tfeval_max_length",
            "tfeval_derived",
            "tfeval_parent",
            "tfeval_inherit",
            "tfeval_group",
            "tfeval_disclosure",
            "tfeval_release",
            "tfeval_section");

    /** Longest section name made from a heading (the rest of the heading stays in the label). */
    static final int MAX_SECTION_NAME = 40;

    private static final Pattern VAR_REF = Pattern.compile("\\[([A-Za-z][A-Za-z0-9_]*)]");

    private RedcapDictionary() {}

    /** Writes the instrument as a REDCap dictionary with the extra columns. */
    public static void write(Instrument ins, Writer out) {
        Map<String, Integer> uses = new HashMap<>();
        ins.forms().forEach(f -> f.variables().forEach(v -> uses.merge(v.name(), 1, Integer::sum)));
        try (CSVPrinter p = new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            List<String> header = new ArrayList<>(REDCAP_COLUMNS);
            header.addAll(EXTRA_COLUMNS);
            p.printRecord(header);
            for (Form f : ins.forms()) {
                for (Variable v : f.variables()) {
                    p.printRecord(row(ins, f, v, uses));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(Instrument ins, Form f, Variable v, Map<String, Integer> uses) {
        String fieldName = fieldName(f, v.name(), uses);
        Form.Section section = f.sections().stream()
                .filter(s -> s.first().equals(v.name()))
                .findFirst()
                .orElse(null);
        String fieldType;
        String validation = "";
        String min = v.min() == null ? "" : v.min().toPlainString();
        String max = v.max() == null ? "" : v.max().toPlainString();
        switch (v.type()) {
            case CODE -> fieldType = v.valueLabels().equals(Map.of(0L, "No", 1L, "Yes")) ? "yesno" : "dropdown";
            case TEXT -> fieldType = "notes";
            case INTEGER -> {
                fieldType = "text";
                validation = "integer";
            }
            case DECIMAL -> {
                fieldType = "text";
                validation = "number";
            }
            case DATE -> {
                fieldType = "text";
                validation = "date_ymd";
                min = ins.minDate().toString();
                max = ins.maxDate().toString();
            }
            default -> fieldType = "text";
        }
        String choices = "";
        if (v.type() == VariableType.CODE && !fieldType.equals("yesno")) {
            List<String> parts = new ArrayList<>();
            v.valueLabels().forEach((k, l) -> parts.add(k + ", " + l));
            choices = String.join(" | ", parts);
        }
        String logic =
                v.appliesWhen() == null ? "" : toRedcapLogic(v.appliesWhen().source(), f, uses);
        String derived = "";
        if (v.derived() != null) {
            derived = v.derived().kind() == Derivation.Kind.COUNT
                    ? "count:" + v.derived().form()
                    : "any:" + v.derived().form() + ":" + v.derived().where().source();
        }
        List<String> missing = new ArrayList<>();
        new TreeSet<>(v.missingCodes()).descendingSet().forEach(c -> missing.add(Integer.toString(c)));
        return List.of(
                fieldName,
                f.name(),
                section == null ? "" : section.label(),
                fieldType,
                v.label(),
                choices,
                v.question().equals(v.label()) ? "" : v.question(),
                validation,
                min,
                max,
                v.disclosure() == DisclosureRole.DIRECT ? "y" : "",
                logic,
                v.required() ? "y" : "",
                "",
                "",
                "",
                "",
                v.derived() != null ? "@READONLY" : "",
                v.name(),
                f.label(),
                v.type().name().toLowerCase(Locale.ROOT),
                f.key().contains(v.name()) ? "y" : "",
                v.valueSet() == null ? "" : v.valueSet(),
                v.type() == VariableType.ID ? "" : String.join(" ", missing),
                v.pattern() == null ? "" : v.pattern().pattern(),
                v.maxLength() > 0 ? Integer.toString(v.maxLength()) : "",
                derived,
                v.parent() == null ? "" : v.parent(),
                v.inherit() == null ? "" : v.inherit(),
                v.group() == null ? "" : v.group(),
                v.disclosure().name().toLowerCase(Locale.ROOT),
                v.release().name().toLowerCase(Locale.ROOT),
                section == null ? "" : section.name());
    }

    /** REDCap field names are lower case and unique across the project: repeated names get the form as prefix. */
    private static String fieldName(Form f, String var, Map<String, Integer> uses) {
        String lower = var.toLowerCase(Locale.ROOT);
        return uses.getOrDefault(var, 1) > 1 ? f.name() + "__" + lower : lower;
    }

    private static String toRedcapLogic(String source, Form f, Map<String, Integer> uses) {
        Matcher m = VAR_REF.matcher(source);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement("[" + fieldName(f, m.group(1), uses) + "]"));
        m.appendTail(b);
        String s = b.toString();
        return s.startsWith("(") && s.endsWith(")") ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * Reads a REDCap dictionary into an instrument. Without the {@code tfeval_*} columns, names
     * are upper-cased field names, the first field of each form is its key, identifiers are direct
     * and dropped, everything else is restricted. Missing codes come from {@code base}; rules are not
     * part of a REDCap dictionary and are taken from {@code base} when their variables exist.
     */
    public static Instrument read(Reader in, String origin, Instrument base) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        } catch (IOException | RuntimeException e) {
            throw new InstrumentException(origin + ": not a readable CSV file (" + e.getMessage() + ")", e);
        }
        Map<String, String> formLabels = new LinkedHashMap<>();
        Map<String, List<Variable>> vars = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Map<String, List<Form.Section>> sections = new LinkedHashMap<>();
        Map<String, String> fieldToVar = new HashMap<>();
        for (CSVRecord r : records) {
            fieldToVar.put(
                    r.get(0),
                    get(r, "tfeval_variable").isEmpty()
                            ? r.get(0).toUpperCase(Locale.ROOT)
                            : get(r, "tfeval_variable"));
        }
        Set<Integer> defaultMissing = new TreeSet<>();
        for (MissingCode m : base.missingCodes()) if (m.acceptedByDefault()) defaultMissing.add(m.code());
        for (CSVRecord r : records) {
            String where = origin + " line " + (r.getRecordNumber() + 1);
            try {
                String form = require(r, "Form Name");
                String name = fieldToVar.get(r.get(0));
                formLabels.putIfAbsent(
                        form, get(r, "tfeval_form_label").isEmpty() ? form : get(r, "tfeval_form_label"));
                String fieldType = require(r, "Field Type");
                String validation = get(r, "Text Validation Type OR Show Slider Number");
                VariableType type = !get(r, "tfeval_type").isEmpty()
                        ? VariableType.valueOf(get(r, "tfeval_type").toUpperCase(Locale.ROOT))
                        : typeOf(
                                fieldType,
                                validation,
                                vars.getOrDefault(form, List.of()).isEmpty());
                Map<Long, String> labels = new LinkedHashMap<>();
                if (fieldType.equals("yesno")) {
                    labels.put(0L, "No");
                    labels.put(1L, "Yes");
                } else if (type == VariableType.CODE) {
                    for (String choice :
                            get(r, "Choices, Calculations, OR Slider Labels").split("\\|")) {
                        int comma = choice.indexOf(',');
                        if (comma < 0)
                            throw new IllegalArgumentException("choice '" + choice.strip() + "' is not 'code, label'");
                        labels.put(
                                Long.valueOf(choice.substring(0, comma).strip()),
                                choice.substring(comma + 1).strip());
                    }
                }
                String logic = get(r, "Branching Logic (Show field only if...)");
                Expression applies = logic.isEmpty() ? null : Expression.parse(fromRedcapLogic(logic, fieldToVar));
                Set<Integer> missing = new TreeSet<>();
                if (type != VariableType.ID) {
                    if (!get(r, "tfeval_missing").isEmpty()) {
                        for (String c : get(r, "tfeval_missing").split("\\s+")) missing.add(Integer.valueOf(c));
                    } else {
                        missing.addAll(defaultMissing);
                        if (applies != null) missing.add(MissingCode.NOT_APPLICABLE.code());
                    }
                }
                Derivation derived = derivation(get(r, "tfeval_derived"));
                boolean identifier = get(r, "Identifier?").equalsIgnoreCase("y");
                DisclosureRole disclosure = !get(r, "tfeval_disclosure").isEmpty()
                        ? DisclosureRole.valueOf(get(r, "tfeval_disclosure").toUpperCase(Locale.ROOT))
                        : identifier ? DisclosureRole.DIRECT : DisclosureRole.NONE;
                ReleaseLevel release = !get(r, "tfeval_release").isEmpty()
                        ? ReleaseLevel.valueOf(get(r, "tfeval_release").toUpperCase(Locale.ROOT))
                        : identifier ? ReleaseLevel.DROP : ReleaseLevel.RESTRICTED;
                String note = get(r, "Field Note");
                boolean isDate = type == VariableType.DATE;
                Variable v = new Variable(
                        name,
                        type,
                        require(r, "Field Label"),
                        note.isEmpty() ? null : note,
                        labels,
                        get(r, "tfeval_value_set").isEmpty() ? null : get(r, "tfeval_value_set"),
                        isDate ? null : decimal(get(r, "Text Validation Min")),
                        isDate ? null : decimal(get(r, "Text Validation Max")),
                        get(r, "tfeval_pattern").isEmpty() ? null : Pattern.compile(get(r, "tfeval_pattern")),
                        get(r, "tfeval_max_length").isEmpty() ? 0 : Integer.parseInt(get(r, "tfeval_max_length")),
                        missing,
                        applies,
                        get(r, "Required Field?").equalsIgnoreCase("y"),
                        derived,
                        emptyToNull(get(r, "tfeval_parent")),
                        emptyToNull(get(r, "tfeval_inherit")),
                        emptyToNull(get(r, "tfeval_group")),
                        disclosure,
                        release);
                vars.computeIfAbsent(form, k -> new ArrayList<>()).add(v);
                String header = headingText(get(r, "Section Header"));
                if (!header.isEmpty()) {
                    List<Form.Section> inForm = sections.computeIfAbsent(form, k -> new ArrayList<>());
                    String sectionName =
                            get(r, "tfeval_section").isEmpty() ? sectionName(header, inForm) : get(r, "tfeval_section");
                    inForm.add(new Form.Section(sectionName, header, name));
                }
                boolean hasKeyColumn = records.get(0).isMapped("tfeval_key");
                if (hasKeyColumn
                        ? get(r, "tfeval_key").equalsIgnoreCase("y")
                        : vars.get(form).size() == 1) {
                    keys.computeIfAbsent(form, k -> new ArrayList<>()).add(name);
                }
            } catch (IllegalArgumentException e) {
                throw new InstrumentException(where + ": " + e.getMessage(), e);
            }
        }
        List<Form> forms = new ArrayList<>();
        try {
            vars.forEach((name, vs) -> forms.add(new Form(
                    name,
                    formLabels.get(name),
                    keys.getOrDefault(name, List.of()),
                    vs,
                    sections.getOrDefault(name, List.of()))));
        } catch (IllegalArgumentException e) {
            throw new InstrumentException(origin + ": " + e.getMessage(), e);
        }
        List<org.tfeval.instrument.Rule> rules = new ArrayList<>();
        for (org.tfeval.instrument.Rule rule : base.rules()) {
            if (vars.containsKey(rule.form())) rules.add(rule);
        }
        Map<String, Map<Long, String>> sets = new LinkedHashMap<>();
        for (List<Variable> vs : vars.values())
            for (Variable v : vs) if (v.valueSet() != null) sets.put(v.valueSet(), v.valueLabels());
        try {
            return new Instrument(
                    base.id(),
                    base.version(),
                    base.title(),
                    base.minDate(),
                    base.maxDate(),
                    base.missingLabels(),
                    sets,
                    forms,
                    rules,
                    base.codeClasses(),
                    base.study(),
                    base.disclosureModel());
        } catch (IllegalArgumentException e) {
            throw new InstrumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static VariableType typeOf(String fieldType, String validation, boolean firstOfForm) {
        return switch (fieldType) {
            case "dropdown", "radio", "yesno", "truefalse" -> VariableType.CODE;
            case "notes" -> VariableType.TEXT;
            case "text" ->
                switch (validation) {
                    case "integer" -> VariableType.INTEGER;
                    case "number" -> VariableType.DECIMAL;
                    case "date_ymd", "date_mdy", "date_dmy" -> VariableType.DATE;
                    default -> firstOfForm ? VariableType.ID : VariableType.STRING;
                };
            default ->
                throw new IllegalArgumentException("field type '" + fieldType
                        + "' is not supported (dropdown, radio, yesno, truefalse, text, notes)");
        };
    }

    private static Derivation derivation(String text) {
        if (text.isEmpty()) return null;
        String[] parts = text.split(":", 3);
        if (parts[0].equals("count") && parts.length == 2) return new Derivation(Derivation.Kind.COUNT, parts[1], null);
        if (parts[0].equals("any") && parts.length == 3)
            return new Derivation(Derivation.Kind.ANY, parts[1], Expression.parse(parts[2]));
        throw new IllegalArgumentException("tfeval_derived '" + text + "' is not 'count:FORM' or 'any:FORM:CONDITION'");
    }

    private static String fromRedcapLogic(String logic, Map<String, String> fieldToVar) {
        Matcher m = VAR_REF.matcher(logic);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String var = fieldToVar.get(m.group(1));
            if (var == null)
                throw new IllegalArgumentException("branching logic names unknown field [" + m.group(1) + "]");
            m.appendReplacement(b, Matcher.quoteReplacement("[" + var + "]"));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A section header's text: REDCap allows HTML in it; tags are dropped and spaces folded. */
    static String headingText(String header) {
        return header.replaceAll("<[^>]*>", " ")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** A section name from its heading: lower-case words joined by _, unique in the form. */
    private static String sectionName(String header, List<Form.Section> taken) {
        String base =
                header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (base.length() > MAX_SECTION_NAME)
            base = base.substring(0, MAX_SECTION_NAME).replaceAll("_+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) base = "section_" + base;
        base = base.replaceAll("_+$", "");
        String name = base;
        for (int n = 2; hasSection(taken, name); n++) name = base + "_" + n;
        return name;
    }

    private static boolean hasSection(List<Form.Section> sections, String name) {
        return sections.stream().anyMatch(s -> s.name().equals(name));
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
    }

    private static String require(CSVRecord r, String column) {
        String v = get(r, column);
        if (v.isEmpty()) throw new IllegalArgumentException("column '" + column + "' is blank");
        return v;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static BigDecimal decimal(String s) {
        return s.isEmpty() ? null : new BigDecimal(s);
    }
}
