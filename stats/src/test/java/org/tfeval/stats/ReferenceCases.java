package org.tfeval.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.tfeval.stats.frame.CsvFrameReader;
import org.tfeval.stats.frame.DataFrame;

/**
 * Locates the shared reference data ({@code /work/shared/reference}, passed by surefire as system property
 * {@code tfeval.shared}) and lists its cases generically: every sub-folder of {@code r/} and {@code nist/},
 * every JSON file of {@code agreement/}. Tests never hard-code expected numbers; they read them here.
 */
public final class ReferenceCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceCases() {}

    /** The reference folder. */
    public static Path root() {
        String shared = System.getProperty("tfeval.shared");
        Path base = shared != null ? Paths.get(shared) : Paths.get("..", "..", "shared");
        Path ref = base.resolve("reference").normalize();
        if (!Files.isDirectory(ref)) {
            throw new IllegalStateException(
                    "reference data not found at " + ref.toAbsolutePath() + " (set system property tfeval.shared)");
        }
        return ref;
    }

    /** Case folders under {@code reference/<folder>}, sorted by name. */
    public static List<Path> caseFolders(String folder) {
        try (Stream<Path> s = Files.list(root().resolve(folder))) {
            return s.filter(Files::isDirectory)
                    .filter(p -> Files.exists(p.resolve("expected.json")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON files directly under {@code reference/<folder>}, sorted by name. */
    public static List<Path> jsonFiles(String folder) {
        try (Stream<Path> s = Files.list(root().resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cases under {@code reference/r} whose {@code expected.json} names {@code model}. */
    public static List<Path> rCases(String model) {
        return caseFolders("r").stream()
                .filter(p -> model.equals(expected(p).path("model").asText()))
                .toList();
    }

    /** Parsed {@code expected.json} of a case folder. */
    public static JsonNode expected(Path caseFolder) {
        return json(caseFolder.resolve("expected.json"));
    }

    /** A parsed JSON file. */
    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case's {@code data.csv}. */
    public static DataFrame data(Path caseFolder) {
        return CsvFrameReader.standard().read(caseFolder.resolve("data.csv"));
    }

    /**
     * Agreement within a tolerance as the reference files intend it: {@code |actual - expected| <= tol *
     * max(1, |expected|)}, i.e. relative for numbers above 1 in size and absolute below.
     */
    public static boolean close(double actual, double expected, double tol) {
        if (Double.isInfinite(expected)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= tol * Math.max(1.0, Math.abs(expected));
    }

    /** Message for a failed comparison. */
    public static String mismatch(String what, double actual, double expected, double tol) {
        return what + ": got " + actual + ", expected " + expected + " (tolerance " + tol + ", diff "
                + Math.abs(actual - expected) + ")";
    }
}
