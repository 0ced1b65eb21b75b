package org.tfeval.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.analysis.data.SnapshotInfo;

/**
 * The results of every analysis of one snapshot: what reports render and cite. Written as one
 * JSON file per analysis ({@code <id>.json}) plus {@value #INDEX}, each naming the snapshot hash.
 *
 * @param snapshot      the snapshot analysed
 * @param tfevalVersion version of tfeval that ran the analyses
 * @param settings      the settings, in words (confidence, benchmark, bootstrap, seed)
 * @param analyses      results in suite order
 */
public record StudyResults(
        SnapshotInfo snapshot, String tfevalVersion, Map<String, String> settings, List<AnalysisResult> analyses) {
    /** Index file name. */
    public static final String INDEX = "results.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public StudyResults {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(tfevalVersion, "tfevalVersion");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        analyses = List.copyOf(analyses);
    }

    /** One analysis' results by id; throws when absent. */
    public AnalysisResult analysis(String id) {
        return analyses.stream()
                .filter(a -> a.analysis().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no results of analysis " + id));
    }

    /** Whether the analysis ran. */
    public boolean has(String id) {
        return analyses.stream().anyMatch(a -> a.analysis().equals(id));
    }

    /** The JSON file of an analysis, relative to the results folder. */
    public static String fileOf(String analysis) {
        return analysis + ".json";
    }

    /** Writes the JSON files into {@code dir}. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            ObjectNode index = JSON.createObjectNode();
            header(index);
            ArrayNode list = index.putArray("analyses");
            for (AnalysisResult a : analyses) {
                list.addObject().put("id", a.analysis()).put("title", a.title()).put("file", fileOf(a.analysis()));
                ObjectNode n = JSON.createObjectNode();
                header(n);
                n.put("analysis", a.analysis());
                n.put("title", a.title());
                n.put("method", a.method());
                a.warnings().forEach(n.putArray("warnings")::add);
                if (a.warnings().isEmpty()) n.putArray("warnings");
                ArrayNode tables = n.putArray("tables");
                a.tables().forEach(t -> tables.add(table(t)));
                Files.writeString(dir.resolve(fileOf(a.analysis())), JSON.writeValueAsString(n));
            }
            Files.writeString(dir.resolve(INDEX), JSON.writeValueAsString(index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + dir, e);
        }
    }

    private void header(ObjectNode n) {
        ObjectNode s = n.putObject("snapshot");
        s.put("id", snapshot.id())
                .put("synthetic", snapshot.synthetic())
                .put("allow_errors", snapshot.allowErrors())
                .put("validation_errors", snapshot.validationErrors())
                .put("created_at", snapshot.createdAt())
                .put("tfeval_version", snapshot.tfevalVersion())
                .put("instrument_id", snapshot.instrumentId())
                .put("instrument_version", snapshot.instrumentVersion());
        ObjectNode rows = s.putObject("rows");
        snapshot.rows().forEach(rows::put);
        n.put("tfeval_version", tfevalVersion);
        ObjectNode st = n.putObject("settings");
        settings.forEach(st::put);
    }

    private static ObjectNode table(ResultTable<?> t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", t.id());
        n.put("title", t.title());
        ArrayNode cols = n.putArray("columns");
        t.columns()
                .forEach(c -> cols.addObject()
                        .put("name", c.name())
                        .put("label", c.label())
                        .put("kind", c.kind().name()));
        ArrayNode rows = n.putArray("rows");
        for (int i = 0; i < t.rowCount(); i++) {
            ArrayNode a = rows.addArray();
            for (Object v : t.values(i)) {
                if (v == null) a.addNull();
                else if (v instanceof Long l) a.add(l);
                else if (v instanceof Double d) a.add(d);
                else a.add(v.toString());
            }
        }
        t.notes().forEach(n.putArray("notes")::add);
        if (t.notes().isEmpty()) n.putArray("notes");
        return n;
    }

    /** Reads results written by {@link #write}, the row types from the standard suite's analyses. */
    public static StudyResults read(Path dir) {
        return read(dir, AnalysisSuite.standard().analyses());
    }

    /** Reads results written by {@link #write}; each analysis' tables get the row types that {@code analyses} declare. */
    public static StudyResults read(Path dir, List<Analysis> analyses) {
        try {
            JsonNode index = JSON.readTree(dir.resolve(INDEX).toFile());
            JsonNode s = index.path("snapshot");
            Map<String, Long> rows = new LinkedHashMap<>();
            s.path("rows")
                    .properties()
                    .forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
            SnapshotInfo info = new SnapshotInfo(
                    s.path("id").asText(),
                    s.path("synthetic").asBoolean(),
                    s.path("allow_errors").asBoolean(),
                    s.path("validation_errors").asLong(),
                    s.path("created_at").asText(),
                    s.path("tfeval_version").asText(),
                    s.path("instrument_id").asText(),
                    s.path("instrument_version").asText(),
                    rows);
            Map<String, String> settings = new LinkedHashMap<>();
            index.path("settings")
                    .properties()
                    .forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
            List<AnalysisResult> results = new ArrayList<>();
            for (JsonNode a : index.path("analyses")) {
                JsonNode n = JSON.readTree(dir.resolve(a.path("file").asText()).toFile());
                String id = n.path("analysis").asText();
                Analysis analysis = analyses.stream()
                        .filter(x -> x.id().equals(id))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "results in " + dir + " hold analysis " + id + ", which tfeval does not know"));
                List<ResultTable<?>> tables = new ArrayList<>();
                for (JsonNode t : n.path("tables")) {
                    String tid = t.path("id").asText();
                    TableKey<?> key = analysis.tables().stream()
                            .filter(k -> k.id().equals(tid))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("analysis " + id + " has no table " + tid));
                    tables.add(readTable(key, t));
                }
                List<String> warnings = new ArrayList<>();
                n.path("warnings").forEach(w -> warnings.add(w.asText()));
                results.add(new AnalysisResult(
                        id, n.path("title").asText(), n.path("method").asText(), tables, warnings));
            }
            return new StudyResults(info, index.path("tfeval_version").asText(), settings, results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results in " + dir, e);
        }
    }

    private static <R extends Record> ResultTable<R> readTable(TableKey<R> key, JsonNode t) {
        List<ResultColumn> cols = new ArrayList<>();
        t.path("columns")
                .forEach(c -> cols.add(new ResultColumn(
                        c.path("name").asText(),
                        c.path("label").asText(),
                        ColumnKind.valueOf(c.path("kind").asText()))));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode r : t.path("rows")) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                JsonNode v = r.get(i);
                if (v == null || v.isNull()) row.add(null);
                else
                    row.add(
                            switch (cols.get(i).kind()) {
                                case TEXT -> v.asText();
                                case COUNT -> v.asLong();
                                default -> v.asDouble();
                            });
            }
            rows.add(row);
        }
        List<String> notes = new ArrayList<>();
        t.path("notes").forEach(x -> notes.add(x.asText()));
        return ResultTable.fromValues(key, t.path("title").asText(), cols, rows, notes);
    }
}
