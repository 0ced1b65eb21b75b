package org.tfeval.instrument;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Writes an instrument as the YAML file {@link InstrumentLoader} reads. */
public final class InstrumentWriter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private InstrumentWriter() {}

    /** The instrument as YAML text. */
    public static String toYaml(Instrument ins) {
        ObjectNode root = YAML.createObjectNode();
        root.put("id", ins.id());
        root.put("version", ins.version());
        root.put("title", ins.title());
        ObjectNode range = root.putObject("date_range");
        range.put("min", ins.minDate().toString());
        range.put("max", ins.maxDate().toString());
        ArrayNode missing = root.putArray("missing_codes");
        for (MissingCode m : ins.missingCodes()) {
            ObjectNode n = missing.addObject();
            n.put("code", m.code());
            n.put("name", m.key());
            n.put("label", ins.missingLabel(m));
            if (m.releaseOnly()) n.put("release_only", true);
        }
        ObjectNode sets = root.putObject("value_sets");
        ins.valueSets().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> codes(sets.putObject(e.getKey()), e.getValue()));
        ArrayNode forms = root.putArray("forms");
        for (Form f : ins.forms()) {
            ObjectNode fn = forms.addObject();
            fn.put("name", f.name());
            fn.put("label", f.label());
            ArrayNode key = fn.putArray("key");
            f.key().forEach(key::add);
            if (!f.sections().isEmpty()) {
                ArrayNode sections = fn.putArray("sections");
                for (Form.Section s : f.sections()) {
                    ObjectNode sn = sections.addObject();
                    sn.put("name", s.name());
                    sn.put("label", s.label());
                    sn.put("first", s.first());
                }
            }
            ArrayNode vars = fn.putArray("variables");
            for (Variable v : f.variables()) {
                variable(vars.addObject(), v, ins);
            }
        }
        if (!ins.codeClasses().isEmpty()) {
            ObjectNode classes = root.putObject("code_classes");
            ins.codeClasses().forEach((variable, byClass) -> {
                ObjectNode v = classes.putObject(variable);
                byClass.forEach((name, codes) -> {
                    ArrayNode list = v.putArray(name);
                    codes.stream().sorted().forEach(list::add);
                });
            });
        }
        ins.disclosureModel().write(root);
        ArrayNode rules = root.putArray("rules");
        for (Rule r : ins.rules()) {
            ObjectNode rn = rules.addObject();
            rn.put("id", r.id());
            rn.put("form", r.form());
            if (r instanceof Rule.DateOrder d) {
                rn.put("type", "date_order");
                ArrayNode dates = rn.putArray("dates");
                d.dates().forEach(dates::add);
            } else if (r instanceof Rule.Require q) {
                rn.put("type", "require");
                rn.put("when", q.when().source());
                rn.put("then", q.then().source());
            }
            rn.put("severity", r.severity().name().toLowerCase(Locale.ROOT));
            rn.put("message", r.message());
        }
        if (!ins.study().isEmpty(ins.title(), ins.version())) {
            ins.study().write(root);
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void variable(ObjectNode n, Variable v, Instrument ins) {
        n.put("name", v.name());
        n.put("type", v.type().name().toLowerCase(Locale.ROOT));
        n.put("label", v.label());
        if (!v.question().equals(v.label())) n.put("question", v.question());
        if (v.valueSet() != null) {
            n.put("values", v.valueSet());
        } else if (!v.valueLabels().isEmpty()) {
            codes(n.putObject("values"), v.valueLabels());
        }
        if (v.min() != null) n.put("min", v.min());
        if (v.max() != null) n.put("max", v.max());
        if (v.pattern() != null) n.put("pattern", v.pattern().pattern());
        if (v.maxLength() > 0) n.put("max_length", v.maxLength());
        if (v.type() != VariableType.ID) {
            ArrayNode m = n.putArray("missing");
            new TreeSet<>(v.missingCodes()).descendingSet().forEach(m::add);
        }
        if (v.appliesWhen() != null)
            n.put("applies_when", stripOuter(v.appliesWhen().source()));
        if (v.required() != (v.derived() == null)) n.put("required", v.required());
        if (v.derived() != null) {
            ObjectNode d = n.putObject("derived");
            if (v.derived().kind() == Derivation.Kind.COUNT) {
                d.put("count", v.derived().form());
            } else {
                d.put("any", v.derived().form());
                d.put("where", stripOuter(v.derived().where().source()));
            }
        }
        if (v.parent() != null) n.put("parent", v.parent());
        if (v.inherit() != null) n.put("inherit", v.inherit());
        if (v.group() != null) n.put("group", v.group());
        n.put("disclosure", v.disclosure().name().toLowerCase(Locale.ROOT));
        n.put("release", v.release().name().toLowerCase(Locale.ROOT));
    }

    static String stripOuter(String source) {
        if (source.startsWith("(") && source.endsWith(")")) {
            int depth = 0;
            for (int i = 0; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '(') depth++;
                if (c == ')') depth--;
                if (depth == 0 && i < source.length() - 1) return source;
            }
            return source.substring(1, source.length() - 1);
        }
        return source;
    }

    private static void codes(ObjectNode n, Map<Long, String> codes) {
        codes.forEach((k, l) -> n.put(Long.toString(k), l));
    }
}
