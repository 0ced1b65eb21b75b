package org.tfeval.release.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a file with R and haven through {@code read_with_haven.R}; see that script for the output. */
public final class RHaven {
    private RHaven() {}

    /** What R saw: variable names, cells as text, and metadata rows (variable, what, code, text). */
    public record Table(List<String> names, List<List<String>> rows, List<List<String>> meta) {
        public int column(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new AssertionError("R sees no variable " + name + " among " + names);
            }
            return i;
        }

        public List<String> values(String name) {
            int i = column(name);
            return rows.stream().map(r -> r.get(i)).toList();
        }

        /** Metadata entries of one kind for a variable, as code -> text. */
        public Map<String, String> meta(String variable, String what) {
            Map<String, String> out = new LinkedHashMap<>();
            for (List<String> m : meta) {
                if (m.get(0).equals(variable) && m.get(1).equals(what)) {
                    out.put(m.get(2), m.get(3));
                }
            }
            return out;
        }

        public String label(String variable) {
            return meta(variable, "label").getOrDefault("", "");
        }
    }

    public static Table read(String kind, Path input) throws IOException, InterruptedException {
        ExternalTools.requireR();
        Path dir = input.toAbsolutePath().getParent();
        Path script = dir.resolve("read_with_haven.R");
        try (InputStream in = RHaven.class.getResourceAsStream("read_with_haven.R")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path data = dir.resolve(input.getFileName() + "." + kind + ".data.csv");
        Path meta = dir.resolve(input.getFileName() + "." + kind + ".meta.csv");
        ExternalTools.run(
                dir,
                "Rscript",
                "--vanilla",
                script.toString(),
                kind,
                input.toAbsolutePath().toString(),
                data.toString(),
                meta.toString());
        List<List<String>> rows = new ArrayList<>();
        List<String> names;
        try (CSVParser p = CSVParser.parse(
                data,
                StandardCharsets.UTF_8,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            names = p.getHeaderNames();
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        List<List<String>> metaRows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(
                meta,
                StandardCharsets.UTF_8,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            for (CSVRecord r : p) {
                metaRows.add(r.toList());
            }
        }
        return new Table(names, rows, metaRows);
    }
}
