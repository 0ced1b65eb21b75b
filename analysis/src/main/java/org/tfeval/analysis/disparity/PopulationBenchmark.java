package org.tfeval.analysis.disparity;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Population shares by race per jurisdiction, the benchmark of the disproportionality analysis.
 * Read from a CSV with the header {@code jurisdiction,race_code,group,share,population,source}
 * (lines starting with {@code #} are comments): one row per jurisdiction and race code. A site is
 * compared with the most specific jurisdiction present: its {@code TF_ID}, then its state, then
 * {@value #NATIONAL}; the cross-site figures with {@value #NATIONAL}.
 *
 * @param label        what the table is, for reports
 * @param illustrative true for the shipped demo table, which reports must label as illustrative
 * @param shares       the rows
 */
public record PopulationBenchmark(String label, boolean illustrative, List<BenchmarkShare> shares) {
    /** Jurisdiction of national figures. */
    public static final String NATIONAL = "US";
    /** Header of the CSV. */
    public static final List<String> HEADER =
            List.of("jurisdiction", "race_code", "group", "share", "population", "source");
    /** Shares of one jurisdiction may exceed 1 by this much (sources round to 0.1 point). */
    public static final double SUM_TOLERANCE = 0.01;

    private static final String DEFAULT = "us-national-illustrative.csv";

    public PopulationBenchmark {
        Objects.requireNonNull(label, "label");
        shares = List.copyOf(shares);
        Set<String> seen = new HashSet<>();
        Map<String, Double> sums = new HashMap<>();
        for (BenchmarkShare s : shares) {
            if (!seen.add(s.jurisdiction() + "/" + s.raceCode())) {
                throw new IllegalArgumentException(
                        "benchmark has two rows for " + s.jurisdiction() + " race code " + s.raceCode());
            }
            sums.merge(s.jurisdiction(), s.share(), Double::sum);
        }
        sums.forEach((j, sum) -> {
            if (sum > 1 + SUM_TOLERANCE)
                throw new IllegalArgumentException("benchmark shares of " + j + " add up to " + sum + ", more than 1");
        });
    }

    /** The shipped illustrative table: U.S. national shares (Census QuickFacts, July 1 2023 estimates). */
    public static PopulationBenchmark illustrativeDefault() {
        try (InputStream in = PopulationBenchmark.class.getResourceAsStream(DEFAULT)) {
            if (in == null)
                throw new IllegalStateException("the default benchmark " + DEFAULT + " is missing from the build");
            return parse(
                    new java.io.InputStreamReader(in, StandardCharsets.UTF_8),
                    "ILLUSTRATIVE: U.S. national population shares by race (U.S. Census Bureau QuickFacts, July 1 2023 estimates)",
                    true,
                    DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a user's table. */
    public static PopulationBenchmark read(Path csv) {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return parse(r, "Population benchmark " + csv.getFileName(), false, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark " + csv, e);
        }
    }

    private static PopulationBenchmark parse(Reader r, String label, boolean illustrative, String where)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        List<BenchmarkShare> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        var parser = format.parse(r);
        if (!parser.getHeaderNames().equals(HEADER)) {
            throw new IllegalArgumentException(where + ": the header must be " + String.join(",", HEADER) + ", found "
                    + String.join(",", parser.getHeaderNames()));
        }
        for (CSVRecord rec : parser) {
            try {
                rows.add(new BenchmarkShare(
                        rec.get("jurisdiction"),
                        Integer.parseInt(rec.get("race_code")),
                        rec.get("group"),
                        Double.parseDouble(rec.get("share")),
                        Long.parseLong(rec.get("population")),
                        rec.get("source")));
            } catch (IllegalArgumentException e) {
                problems.add("line " + rec.getParser().getCurrentLineNumber() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(where + ": " + String.join("; ", problems));
        if (rows.isEmpty()) throw new IllegalArgumentException(where + ": no benchmark rows");
        return new PopulationBenchmark(label, illustrative, rows);
    }

    /** The jurisdictions present. */
    public Set<String> jurisdictions() {
        Set<String> out = new java.util.LinkedHashSet<>();
        shares.forEach(s -> out.add(s.jurisdiction()));
        return out;
    }

    /** The first of {@code candidates} (most specific first) the table has rows for. */
    public Optional<String> jurisdiction(String... candidates) {
        Set<String> have = jurisdictions();
        for (String c : candidates) {
            if (c != null && have.contains(c)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The share of a race code in a jurisdiction. */
    public Optional<BenchmarkShare> share(String jurisdiction, int raceCode) {
        return shares.stream()
                .filter(s -> s.jurisdiction().equals(jurisdiction) && s.raceCode() == raceCode)
                .findFirst();
    }
}
