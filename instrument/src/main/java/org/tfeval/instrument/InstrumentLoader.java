package org.tfeval.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tfeval.instrument.expression.Expression;

/** Reads an instrument from its YAML file and checks it is consistent. */
public final class InstrumentLoader {
    /** Names of the instruments shipped with tfeval. */
    public static final List<String> BUILT_IN = List.of("ecm");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private InstrumentLoader() {}

    /** The text of a built-in instrument file. */
    public static String builtInSource(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new InstrumentException("unknown built-in instrument '" + name + "'; built in: " + BUILT_IN);
        }
        try (InputStream in = InstrumentLoader.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) throw new InstrumentException("built-in instrument " + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a built-in instrument. */
    public static Instrument builtIn(String name) {
        return parse(builtInSource(name), name + ".yaml (built in)");
    }

    /** Loads an instrument file. */
    public static Instrument load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new InstrumentException(file + ": cannot read the instrument file (" + e.getMessage() + ")", e);
        }
    }

    /** Parses instrument YAML; {@code origin} names the file in errors. */
    public static Instrument parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InstrumentException(origin + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject())
            throw new InstrumentException(origin + ": the file is empty or not a mapping");
        try {
            return build(root);
        } catch (IllegalArgumentException e) {
            throw new InstrumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static Instrument build(JsonNode root) {
        Map<MissingCode, String> missing = missingCodes(root);
        Map<String, Map<Long, String>> sets = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("value_sets").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sets.put(e.getKey(), codes(e.getValue(), "value set " + e.getKey()));
        }
        Set<Integer> defaultMissing = new HashSet<>();
        for (MissingCode m : missing.keySet()) {
            if (m.acceptedByDefault()) defaultMissing.add(m.code());
        }
        int notApplicable = MissingCode.NOT_APPLICABLE.code();
        List<Form> forms = new ArrayList<>();
        for (JsonNode f : array(root, "forms")) {
            String formName = text(f, "name");
            List<Variable> vars = new ArrayList<>();
            for (JsonNode v : array(f, "variables")) {
                vars.add(variable(formName, v, sets, defaultMissing, notApplicable));
            }
            List<String> key = new ArrayList<>();
            array(f, "key").forEach(k -> key.add(k.asText()));
            List<Form.Section> sections = new ArrayList<>();
            for (JsonNode s : array(f, "sections")) {
                sections.add(new Form.Section(text(s, "name"), text(s, "label"), text(s, "first")));
            }
            forms.add(new Form(formName, text(f, "label"), key, vars, sections));
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : array(root, "rules")) {
            rules.add(rule(r));
        }
        JsonNode range = root.path("date_range");
        Instrument instrument = new Instrument(
                text(root, "id"),
                text(root, "version"),
                root.path("title").asText(text(root, "id")),
                LocalDate.parse(range.path("min").asText("1900-01-01")),
                LocalDate.parse(range.path("max").asText("2100-12-31")),
                missing,
                sets,
                forms,
                rules,
                codeClasses(root),
                StudyDescription.parse(
                        root.get(StudyDescription.SECTION),
                        root.path("title").asText(text(root, "id")),
                        text(root, "version")),
                org.tfeval.instrument.disclosure.DisclosureModel.parse(root.get("disclosure_model")));
        checkReferences(instrument);
        checkCodeClasses(instrument);
        return instrument;
    }

    /** The {@code code_classes} section: {@code VARIABLE: {class: [codes]}}. */
    private static Map<String, Map<String, Set<Long>>> codeClasses(JsonNode root) {
        Map<String, Map<String, Set<Long>>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("code_classes").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> v = it.next();
            Map<String, Set<Long>> byClass = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> classes = v.getValue().fields();
            while (classes.hasNext()) {
                Map.Entry<String, JsonNode> c = classes.next();
                if (!c.getValue().isArray() || c.getValue().isEmpty()) {
                    throw new IllegalArgumentException(
                            "code_classes." + v.getKey() + "." + c.getKey() + " must be a non-empty list of codes");
                }
                Set<Long> codes = new java.util.LinkedHashSet<>();
                for (JsonNode code : c.getValue()) {
                    if (!code.canConvertToLong()) {
                        throw new IllegalArgumentException("code_classes." + v.getKey() + "." + c.getKey() + ": '"
                                + code.asText() + "' is not a code");
                    }
                    codes.add(code.asLong());
                }
                byClass.put(c.getKey(), codes);
            }
            out.put(v.getKey(), byClass);
        }
        return out;
    }

    /** Every code class names a code variable of some form, and only codes that variable labels. */
    private static void checkCodeClasses(Instrument instrument) {
        instrument.codeClasses().forEach((variable, byClass) -> {
            List<Variable> vars = instrument.forms().stream()
                    .flatMap(f -> f.variables().stream())
                    .filter(v -> v.name().equals(variable))
                    .toList();
            if (vars.isEmpty())
                throw new IllegalArgumentException("code_classes: " + variable + " is not a variable of any form");
            for (Variable v : vars) {
                if (v.type() != VariableType.CODE)
                    throw new IllegalArgumentException("code_classes: " + variable + " is not a code variable");
                byClass.forEach((name, codes) -> {
                    for (Long code : codes) {
                        if (!v.valueLabels().containsKey(code)) {
                            throw new IllegalArgumentException("code_classes." + variable + "." + name + ": " + code
                                    + " is not a code of " + variable);
                        }
                    }
                });
            }
        });
    }

    /**
     * The {@code missing_codes} section, checked against {@link MissingCode}: every reserved code is
     * declared once, with the number, name and release-only flag tfeval gives it, and a label.
     */
    private static Map<MissingCode, String> missingCodes(JsonNode root) {
        Map<MissingCode, String> out = new EnumMap<>(MissingCode.class);
        for (JsonNode m : array(root, "missing_codes")) {
            JsonNode codeNode = m.get("code");
            String name = m.path("name").asText("");
            String entry = "missing_codes entry " + (codeNode == null ? "'" + name + "'" : codeNode.asText());
            if (codeNode == null || !codeNode.canConvertToLong()) {
                throw new IllegalArgumentException(entry + ": needs a numeric 'code'");
            }
            MissingCode code = MissingCode.ofCode(codeNode.asLong())
                    .orElseThrow(() -> new IllegalArgumentException(
                            entry + ": tfeval does not support this code; the reserved codes are " + supported()));
            if (!code.key().equals(name)) {
                throw new IllegalArgumentException(entry + ": is named '" + name + "' but code " + code.code()
                        + " means " + code.key() + " in tfeval; a code's meaning cannot change (the reserved codes are "
                        + supported() + ")");
            }
            if (m.path("release_only").asBoolean(false) != code.releaseOnly()) {
                throw new IllegalArgumentException(entry + " (" + name + "): release_only must be " + code.releaseOnly()
                        + (code.releaseOnly() ? "; only the release step sets it" : "; coders may enter it"));
            }
            String label = m.path("label").asText("");
            if (label.isBlank()) throw new IllegalArgumentException(entry + " (" + name + "): needs a label");
            if (out.put(code, label) != null)
                throw new IllegalArgumentException(entry + " (" + name + "): is declared twice");
        }
        for (MissingCode code : MissingCode.values()) {
            if (!out.containsKey(code)) {
                throw new IllegalArgumentException("missing_codes: code " + code.code() + " (" + code.key()
                        + ") is not declared; tfeval needs every reserved code: " + supported());
            }
        }
        return out;
    }

    private static String supported() {
        StringBuilder b = new StringBuilder();
        for (MissingCode m : MissingCode.values()) {
            if (!b.isEmpty()) b.append(", ");
            b.append(m.code()).append(' ').append(m.key());
        }
        return b.toString();
    }

    private static Variable variable(
            String form,
            JsonNode v,
            Map<String, Map<Long, String>> sets,
            Set<Integer> defaultMissing,
            int notApplicable) {
        String name = text(v, "name");
        String where = "form " + form + ", variable " + name;
        VariableType type = enumOf(VariableType.class, text(v, "type"), where + ", type");
        Map<Long, String> labels = Map.of();
        String setName = null;
        JsonNode values = v.get("values");
        if (values != null) {
            if (values.isTextual()) {
                setName = values.asText();
                labels = sets.get(setName);
                if (labels == null)
                    throw new IllegalArgumentException(
                            where + ": unknown value set '" + setName + "'; declared: " + sets.keySet());
            } else {
                labels = codes(values, where);
            }
        }
        Expression applies = null;
        if (v.hasNonNull("applies_when")) {
            applies = Expression.parse(v.get("applies_when").asText());
        }
        Set<Integer> missingCodes = new HashSet<>();
        if (type != VariableType.ID) {
            if (v.has("missing")) {
                for (JsonNode m : v.get("missing")) {
                    MissingCode code = MissingCode.ofCode(m.asLong())
                            .filter(c -> m.canConvertToInt() && !c.releaseOnly())
                            .orElseThrow(() -> new IllegalArgumentException(where + ": missing " + m.asText()
                                    + " is not a reserved code a coder may enter; the reserved codes are "
                                    + supported()));
                    missingCodes.add(code.code());
                }
            } else {
                missingCodes.addAll(defaultMissing);
            }
            if (applies != null) missingCodes.add(notApplicable);
        }
        Derivation derived = null;
        JsonNode d = v.get("derived");
        if (d != null) {
            if (d.has("count")) {
                derived = new Derivation(Derivation.Kind.COUNT, d.get("count").asText(), null);
            } else if (d.has("any")) {
                derived =
                        new Derivation(Derivation.Kind.ANY, d.get("any").asText(), Expression.parse(text(d, "where")));
            } else {
                throw new IllegalArgumentException(
                        where + ": 'derived' needs 'count: FORM' or 'any: FORM' with 'where'");
            }
        }
        Pattern pattern = null;
        if (v.hasNonNull("pattern")) {
            try {
                pattern = Pattern.compile(v.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        where + ": pattern is not a valid regular expression: " + e.getDescription());
            }
        }
        return new Variable(
                name,
                type,
                text(v, "label"),
                v.hasNonNull("question") ? v.get("question").asText() : null,
                labels,
                setName,
                decimal(v, "min"),
                decimal(v, "max"),
                pattern,
                v.path("max_length").asInt(0),
                missingCodes,
                applies,
                v.path("required").asBoolean(derived == null),
                derived,
                textOrNull(v, "parent"),
                textOrNull(v, "inherit"),
                textOrNull(v, "group"),
                enumOf(DisclosureRole.class, text(v, "disclosure"), where + ", disclosure"),
                enumOf(ReleaseLevel.class, text(v, "release"), where + ", release"));
    }

    private static Rule rule(JsonNode r) {
        String id = text(r, "id");
        String type = text(r, "type");
        Severity severity = enumOf(Severity.class, r.path("severity").asText("error"), "rule " + id + ", severity");
        String message = r.path("message").asText(id);
        switch (type) {
            case "date_order" -> {
                List<String> dates = new ArrayList<>();
                array(r, "dates").forEach(x -> dates.add(x.asText()));
                return new Rule.DateOrder(id, text(r, "form"), dates, severity, message);
            }
            case "require" -> {
                return new Rule.Require(
                        id,
                        text(r, "form"),
                        Expression.parse(text(r, "when")),
                        Expression.parse(text(r, "then")),
                        severity,
                        message);
            }
            default ->
                throw new IllegalArgumentException(
                        "rule " + id + ": unknown type '" + type + "' (date_order, require)");
        }
    }

    private static void checkReferences(Instrument ins) {
        for (Form f : ins.forms()) {
            for (Variable v : f.variables()) {
                String where = "form " + f.name() + ", variable " + v.name();
                if (v.appliesWhen() != null) requireVariables(f, v.appliesWhen(), where + ", applies_when");
                if (v.derived() != null) {
                    Form child = ins.findForm(v.derived().form())
                            .orElseThrow(() -> new IllegalArgumentException(where + ": derived from unknown form "
                                    + v.derived().form()));
                    if (v.derived().where() != null)
                        requireVariables(child, v.derived().where(), where + ", derived where");
                }
                if (v.inherit() != null) {
                    Form from = ins.findForm(v.inherit())
                            .orElseThrow(() -> new IllegalArgumentException(
                                    where + ": inherits from unknown form " + v.inherit()));
                    if (from.find(v.name()).isEmpty())
                        throw new IllegalArgumentException(
                                where + ": form " + from.name() + " has no " + v.name() + " to inherit");
                    if (f.parentLink().isEmpty())
                        throw new IllegalArgumentException(where + ": inherits but the form has no parent link");
                }
            }
        }
        for (Rule r : ins.rules()) {
            Form f = ins.form(r.form());
            if (r instanceof Rule.Require q) {
                requireVariables(f, q.when(), "rule " + r.id());
                requireVariables(f, q.then(), "rule " + r.id());
            } else if (r instanceof Rule.DateOrder d) {
                for (String date : d.dates()) {
                    int dot = date.indexOf('.');
                    Form owner = dot < 0 ? f : ins.form(date.substring(0, dot));
                    Variable v = owner.find(date.substring(dot + 1))
                            .orElseThrow(
                                    () -> new IllegalArgumentException("rule " + r.id() + ": unknown date " + date));
                    if (v.type() != VariableType.DATE)
                        throw new IllegalArgumentException("rule " + r.id() + ": " + date + " is not a date");
                }
            }
        }
    }

    private static void requireVariables(Form f, Expression e, String where) {
        for (String name : e.variables()) {
            if (f.find(name).isEmpty())
                throw new IllegalArgumentException(where + ": [" + name + "] is not a variable of form " + f.name());
        }
    }

    private static Map<Long, String> codes(JsonNode node, String where) {
        Map<Long, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                out.put(Long.valueOf(e.getKey().strip()), e.getValue().asText());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(where + ": code '" + e.getKey() + "' is not an integer");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException(where + ": no codes");
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode a = node.get(field);
        if (a == null || a.isNull()) return List.of();
        if (!a.isArray()) throw new IllegalArgumentException("'" + field + "' must be a list");
        return a;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required"
                    + (node.has("name") ? " (at " + node.get("name").asText() + ")" : ""));
        }
        return v.asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : new BigDecimal(v.asText());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
