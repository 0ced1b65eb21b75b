package org.tfeval.release.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Debian's {@code readstat} and {@code extract_metadata} (ReadStat 1.1.x) as the tests use them. */
public final class Readstat {
    private Readstat() {}

    /** The "Key: value" lines {@code readstat <file>} prints (Columns, Rows, Table label, ...). */
    public static Map<String, String> summary(Path file) throws IOException, InterruptedException {
        ExternalTools.requireReadstat();
        String out = ExternalTools.run(
                file.toAbsolutePath().getParent(),
                "readstat",
                file.toAbsolutePath().toString());
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                info.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return info;
    }

    /** The data as {@code readstat <file> -} prints them: header of names, then rows. */
    public static List<List<String>> csv(Path file) throws IOException, InterruptedException {
        ExternalTools.requireReadstat();
        Path out = file.resolveSibling(file.getFileName() + ".readstat.csv");
        ExternalTools.run(
                file.toAbsolutePath().getParent(),
                "readstat",
                file.toAbsolutePath().toString(),
                out.toAbsolutePath().toString());
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(
                new StringReader(Files.readString(out, StandardCharsets.UTF_8)),
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get())) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    /** {@code extract_metadata} output (.dta and .sav only): {@code variables[]} with labels. */
    public static JsonNode metadata(Path file) throws IOException, InterruptedException {
        ExternalTools.requireReadstat();
        Path json = file.resolveSibling(file.getFileName() + ".metadata.json");
        ExternalTools.run(
                file.toAbsolutePath().getParent(),
                "extract_metadata",
                file.toAbsolutePath().toString(),
                json.toAbsolutePath().toString());
        return new ObjectMapper().readTree(json.toFile());
    }

    /** The variable entry of {@link #metadata} by name. */
    public static JsonNode variable(JsonNode metadata, String name) {
        for (JsonNode v : metadata.get("variables")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("readstat sees no variable " + name);
    }

    /** Category labels of a variable, code text (as readstat prints it) to label. */
    public static Map<String, String> categories(JsonNode variable) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode cats = variable.get("categories");
        if (cats != null) {
            for (JsonNode c : cats) {
                JsonNode code = c.get("code");
                out.put(
                        code.isNumber() ? codeText(code.asDouble()) : code.asText(),
                        c.get("label").asText());
            }
        }
        return out;
    }

    /** Numeric codes as integers when whole: -9.000000 becomes "-9". */
    private static String codeText(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
