package org.tfeval.release.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.disclosure.Thresholds;

/**
 * Release packages of the demo snapshot (226 cases, 10 task forces), built once per test JVM: two
 * public-use packages (for comparing pseudonyms between releases) and a restricted-use one.
 */
final class ReleasedPackages {
    /**
     * The demo study is small: under the instrument's attacker model, k = 11 leaves its quasi-identifiers
     * generalized to the top of their hierarchies, and the default limits give the public tier as
     * aggregate tables ({@link ReleaseAttackTest}). These tests lift the limits and use the joined view
     * (which the independent check {@link JoinedCsvs} recomputes) to look at the microdata files such a
     * release makes.
     */
    static final Thresholds DEMO_PUBLIC = Thresholds.defaults()
            .withMaxSuppressedValueShare(0.95)
            .withMaxRemovedCaseShare(0.10)
            .withMaxLoss(1.0);

    static final DisclosureOptions DEMO_DISCLOSURE =
            DisclosureOptions.defaults().withScenario(org.tfeval.instrument.disclosure.Scenario.JOINED);

    static final LocalDateTime AT = LocalDateTime.of(2025, 1, 2, 3, 4, 5);
    static final String[] DATASETS = {"task_force", "case", "victim", "suspect", "offense"};
    /** The datasets of a public package: the task force is a generalized profile on the case, its file withheld. */
    static final String[] PUBLIC_DATASETS = {"case", "victim", "suspect", "offense"};

    private static ReleaseResult publicA;
    private static ReleaseResult publicB;
    private static ReleaseResult restricted;

    private ReleasedPackages() {}

    static synchronized ReleaseResult publicRelease() {
        if (publicA == null) {
            publicA = build(ReleaseLevel.PUBLIC, "public-a");
        }
        return publicA;
    }

    static synchronized ReleaseResult secondPublicRelease() {
        if (publicB == null) {
            publicB = build(ReleaseLevel.PUBLIC, "public-b");
        }
        return publicB;
    }

    static synchronized ReleaseResult restrictedRelease() {
        if (restricted == null) {
            restricted = build(ReleaseLevel.RESTRICTED, "restricted");
        }
        return restricted;
    }

    private static ReleaseResult build(ReleaseLevel level, String name) {
        try {
            return ReleaseBuilder.of(GeneratedSnapshots.demo())
                    .withLevel(level)
                    .withThresholds(DEMO_PUBLIC)
                    .withDisclosure(DEMO_DISCLOSURE)
                    .withTimestamp(AT)
                    .build(GeneratedSnapshots.root().resolve("packages").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A released CSV file: header and rows, cells as text. */
    record Csv(List<String> header, List<List<String>> rows) {
        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new AssertionError("no column " + name + " in " + header);
            }
            return i;
        }

        List<String> values(String name) {
            int i = column(name);
            return rows.stream().map(r -> r.get(i)).toList();
        }

        /** Rows by the value of a column (an identifier). */
        Map<String, List<List<String>>> groupBy(String name) {
            int i = column(name);
            Map<String, List<List<String>>> out = new LinkedHashMap<>();
            for (List<String> r : rows) {
                out.computeIfAbsent(r.get(i), x -> new ArrayList<>()).add(r);
            }
            return out;
        }
    }

    static Csv csv(ReleaseResult r, String dataset) {
        Path file = r.dir().resolve(dataset).resolve(dataset + ".csv");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                rows.add(rec.toList());
            }
            return new Csv(p.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
