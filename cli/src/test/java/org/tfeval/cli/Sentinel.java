package org.tfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 13's sentinel search, one assertion shared by every fault: a sentinel string planted in the
 * instrument's free-text and direct-identifier variables (narratives, task-force names) must appear in
 * no message, JSON, CLI output, log file of the study folder, child-process output or PostgreSQL
 * server log after the fault. The database's own data files and the study's data folders hold the
 * values on purpose and are not searched; everything written for people or machines to read is.
 */
final class Sentinel {
    /** The planted text: unlikely anywhere else, and shaped like what it stands for (a person in a narrative). */
    static final String TEXT = "SENTINELq7Z Jane Roe told us";

    /** Files written as messages, logs or reports (searched wherever they are under a searched folder). */
    private static final Set<String> MESSAGE_SUFFIXES =
            Set.of(".log", ".json", ".html", ".txt", ".md", ".xml", ".out", ".err");

    /** Variables of the built-in instrument that hold free text or a direct identifier, by form. */
    private static final List<String[]> PLANTED =
            List.of(new String[] {"case", "NARRATIVE"}, new String[] {"task_force", "TF_NAME"});

    private Sentinel() {}

    /**
     * Rewrites the generated {@code case.csv} and {@code task_force.csv} in {@code data} so that every
     * narrative and task-force name carries the sentinel (row number appended, the rest kept).
     */
    static void plant(Path data) throws IOException {
        for (String[] fv : PLANTED) {
            Path file = data.resolve(fv[0] + ".csv");
            List<CSVRecord> rows;
            List<String> header;
            try (var parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
                header = parser.getHeaderNames();
                rows = parser.getRecords();
            }
            int col = header.indexOf(fv[1]);
            assertThat(col).as("%s has %s", file, fv[1]).isNotNegative();
            StringBuilder out = new StringBuilder();
            try (CSVPrinter p = new CSVPrinter(
                    out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
                p.printRecord(header);
                long n = 0;
                for (CSVRecord r : rows) {
                    List<String> cells = new ArrayList<>(r.toList());
                    cells.set(col, TEXT + " " + (++n) + " " + cells.get(col));
                    p.printRecord(cells);
                }
            }
            Files.writeString(file, out, StandardCharsets.UTF_8);
        }
    }

    /**
     * Asserts that the sentinel is in none of {@code outputs} (messages, CLI output, HTTP bodies) and
     * in no message file under {@code places} (folders or files: the study folder, child-process logs,
     * release folders), nor in the test PostgreSQL server's log. {@code fault} names the fault for the
     * failure message.
     */
    static void assertAbsent(String fault, List<Path> places, CharSequence... outputs) {
        for (int i = 0; i < outputs.length; i++) {
            assertThat(outputs[i] == null ? "" : outputs[i].toString())
                    .as("after %s: output %d carries the planted free text", fault, i)
                    .doesNotContain(TEXT)
                    .doesNotContain(TEXT.toLowerCase(Locale.ROOT));
        }
        List<Path> searched = new ArrayList<>(places);
        Path testServer = PostgresExtension.serverFolder();
        if (testServer != null) searched.add(testServer.resolve("server.log"));
        List<Path> leaks = new ArrayList<>();
        long files = 0;
        for (Path place : searched) {
            for (Path f : messageFiles(place)) {
                files++;
                if (contains(f)) leaks.add(f);
            }
        }
        assertThat(leaks)
                .as("after %s: files holding the planted free text (of %d searched)", fault, files)
                .isEmpty();
        assertThat(files).as("after %s: the search read files", fault).isPositive();
        System.out.printf(
                "sentinel search after %s: %d message files and %d outputs searched, 0 hits%n",
                fault, files, outputs.length);
    }

    /** Every message file under a place: logs, JSON, reports; never the database's data files. */
    private static List<Path> messageFiles(Path place) {
        if (!Files.exists(place)) return List.of();
        if (Files.isRegularFile(place)) return List.of(place);
        try (Stream<Path> s = Files.walk(place)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !isDatabaseData(place, p))
                    .filter(p -> p.getFileName().toString().equals("server.log") || isMessage(p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isMessage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return MESSAGE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** The embedded database's data directory ({@code db/data}), which holds the stored values on purpose. */
    private static boolean isDatabaseData(Path root, Path p) {
        Path rel = root.relativize(p);
        for (int i = 0; i + 1 < rel.getNameCount(); i++) {
            if (rel.getName(i).toString().equals("db")
                    && rel.getName(i + 1).toString().equals("data")) return true;
        }
        return false;
    }

    private static boolean contains(Path f) {
        byte[] needle = TEXT.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] hay = Files.readAllBytes(f);
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
                return true;
            }
            return false;
        } catch (IOException e) {
            return false; // a file the server removed while we looked
        }
    }

    /** The sentinel as it is planted in one row's value (for a test's own saves). */
    static String value(Object... parts) {
        return TEXT + " "
                + String.join(" ", Arrays.stream(parts).map(String::valueOf).toList());
    }
}
