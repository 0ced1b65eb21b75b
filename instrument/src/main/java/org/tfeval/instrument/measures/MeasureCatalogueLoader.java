package org.tfeval.instrument.measures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.instrument.InstrumentException;
import org.tfeval.instrument.workflow.ContentHash;

/** Reads a measure catalogue from {@code measures.yaml} and checks it is consistent. */
public final class MeasureCatalogueLoader {
    /** The file name of the catalogue, built in and in a study folder. */
    public static final String FILE_NAME = "measures.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MeasureCatalogueLoader() {}

    /** The text of the built-in catalogue. */
    public static String builtInSource() {
        try (InputStream in = org.tfeval.instrument.Instrument.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) throw new InstrumentException("the built-in measure catalogue is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in catalogue. */
    public static MeasureCatalogue builtIn() {
        return parse(builtInSource(), FILE_NAME + " (built in)");
    }

    /** Reads a catalogue file. */
    public static MeasureCatalogue load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new InstrumentException(file + ": cannot read the measure catalogue (" + e.getMessage() + ")", e);
        }
    }

    /** Parses catalogue YAML; {@code origin} names the file in errors. */
    public static MeasureCatalogue parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InstrumentException(origin + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject())
            throw new InstrumentException(origin + ": the file is empty or not a mapping");
        try {
            return build(root, ContentHash.sha256(yaml));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InstrumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static MeasureCatalogue build(JsonNode root, String sha256) {
        Map<Grantee, String> systems = new EnumMap<>(Grantee.class);
        JsonNode sys = root.path("systems");
        for (Grantee g : Grantee.values()) {
            JsonNode s = sys.path(g.yamlName());
            systems.put(g, s.isMissingNode() ? g.code() : text(s, "label", "systems." + g.yamlName()));
            if (!s.isMissingNode() && !g.code().equals(s.path("code").asText(g.code())))
                throw new IllegalArgumentException("systems." + g.yamlName() + ".code must be " + g.code());
        }
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("dimensions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode d = e.getValue();
            List<String> values = new ArrayList<>();
            d.path("values").forEach(v -> values.add(v.asText()));
            dimensions.put(
                    e.getKey(),
                    new Dimension(
                            e.getKey(),
                            text(d, "label", "dimension " + e.getKey()),
                            d.path("exclusive").asBoolean(true),
                            values));
        }
        List<Measure> measures = new ArrayList<>();
        for (JsonNode m : root.path("measures")) {
            String id = text(m, "id", "a measure");
            List<Dimension> dims = new ArrayList<>();
            for (JsonNode d : m.path("disaggregations")) {
                Dimension dim = dimensions.get(d.asText());
                if (dim == null)
                    throw new IllegalArgumentException("measure " + id + " names unknown dimension " + d.asText()
                            + "; known: " + dimensions.keySet());
                dims.add(dim);
            }
            CaseFileCount computed = null;
            JsonNode c = m.path("computed");
            if (!c.isMissingNode()) {
                Map<String, List<Integer>> where = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> w = c.path("where").fields(); w.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = w.next();
                    List<Integer> codes = new ArrayList<>();
                    e.getValue().forEach(v -> codes.add(v.asInt()));
                    where.put(e.getKey(), codes);
                }
                Map<String, CaseFileCount.Breakdown> breakdowns = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> b =
                                c.path("breakdowns").fields();
                        b.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = b.next();
                    Map<String, List<Integer>> codes = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> k =
                                    e.getValue().path("codes").fields();
                            k.hasNext(); ) {
                        Map.Entry<String, JsonNode> cat = k.next();
                        List<Integer> cs = new ArrayList<>();
                        cat.getValue().forEach(v -> cs.add(v.asInt()));
                        codes.put(cat.getKey(), cs);
                    }
                    breakdowns.put(
                            e.getKey(),
                            new CaseFileCount.Breakdown(
                                    text(e.getValue(), "variable", "breakdown " + e.getKey() + " of " + id),
                                    codes,
                                    text(e.getValue(), "otherwise", "breakdown " + e.getKey() + " of " + id)));
                }
                computed = new CaseFileCount(
                        text(c, "form", "computed of " + id),
                        text(c, "date", "computed of " + id),
                        where,
                        c.hasNonNull("date_from") ? c.get("date_from").asText() : null,
                        breakdowns);
            }
            measures.add(new Measure(
                    id,
                    text(m, "label", "measure " + id),
                    text(m, "definition", "measure " + id),
                    Grantee.ofYamlName(text(m, "grantee", "measure " + id)),
                    MeasureUnit.ofYamlName(text(m, "unit", "measure " + id)),
                    PeriodType.ofYamlName(m.path("period").asText("quarter")),
                    dims,
                    computed));
        }
        List<ReconciliationPair> pairs = new ArrayList<>();
        for (JsonNode p : root.path("pairs")) {
            String id = text(p, "id", "a pair");
            pairs.add(new ReconciliationPair(
                    id,
                    text(p, "label", "pair " + id),
                    text(p, "law_enforcement", "pair " + id),
                    text(p, "victim_services", "pair " + id),
                    p.path("absolute").asLong(0),
                    p.path("relative").asDouble(0)));
        }
        List<Rate> rates = new ArrayList<>();
        for (JsonNode r : root.path("rates")) {
            String id = text(r, "id", "a rate");
            rates.add(new Rate(
                    id,
                    text(r, "label", "rate " + id),
                    text(r, "numerator", "rate " + id),
                    text(r, "denominator", "rate " + id)));
        }
        return new MeasureCatalogue(
                text(root, "id", "the catalogue"),
                text(root, "version", "the catalogue"),
                text(root, "title", "the catalogue"),
                systems,
                dimensions,
                measures,
                pairs,
                rates,
                sha256);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull() || v.asText().isBlank())
            throw new IllegalArgumentException(where + " needs '" + field + "'");
        return v.asText();
    }
}
