package org.tfeval.store.sample;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;

/**
 * Draws a simple random sample without replacement per site. The frame is put in a canonical
 * order (by case reference) so the row order of the file does not matter; each site's
 * generator is SplitMix64 ({@link SplittableRandom}, whose algorithm is fixed by the Java
 * specification) seeded from SHA-256 of the seed and the site id; the cases are shuffled by
 * Fisher-Yates and the first n form the sample, the next ones the ordered replacements.
 * Immutable; configure by copy.
 */
public final class Sampler {
    /** The method, recorded with every draw. */
    public static final String METHOD =
            "SRSWOR per site: frame sorted by case reference, Fisher-Yates shuffle with SplitMix64 "
                    + "seeded by SHA-256(seed:site); sample = first n, replacements = next in order";

    private final String siteColumn;
    private final String caseColumn;
    private final SampleSize size;
    private final long seed;
    private final int replacements;

    private Sampler(String siteColumn, String caseColumn, SampleSize size, long seed, int replacements) {
        this.siteColumn = siteColumn;
        this.caseColumn = caseColumn;
        this.size = Objects.requireNonNull(size, "size");
        this.seed = seed;
        if (replacements < 0) throw new IllegalArgumentException("replacements " + replacements + " must be >= 0");
        this.replacements = replacements;
    }

    public static Sampler of(SampleSize size, long seed) {
        return new Sampler("TF_ID", "CASE_REF", size, seed, 0);
    }

    public Sampler withReplacements(int n) {
        return new Sampler(siteColumn, caseColumn, size, seed, n);
    }

    public Sampler withColumns(String site, String caseRef) {
        return new Sampler(site, caseRef, size, seed, replacements);
    }

    /** Problems in a frame file. */
    public static final class FrameException extends org.tfeval.instrument.workflow.Problem.Usage {
        private static final long serialVersionUID = 1L;
        private final transient List<Violation> violations;

        FrameException(List<Violation> violations) {
            super(
                    violations.size() + " problems in the case list: "
                            + violations.get(0).describe(),
                    null,
                    null);
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** Draws from a case list (CSV with a site column and a case reference column). Pure: touches no store. */
    public SampleDraw draw(Path frame) {
        Map<String, List<String>> bySite = readFrame(frame);
        int smallest = bySite.values().stream().mapToInt(List::size).min().orElse(0);
        int largest = bySite.values().stream().mapToInt(List::size).max().orElse(0);
        List<SampleDraw.Drawn> out = new ArrayList<>();
        Map<String, Long> frames = new TreeMap<>();
        long rows = 0;
        for (Map.Entry<String, List<String>> e : bySite.entrySet()) {
            frames.put(e.getKey(), (long) e.getValue().size());
            List<String> cases = new ArrayList<>(e.getValue());
            rows += cases.size();
            cases.sort(null);
            SplittableRandom random = new SplittableRandom(siteSeed(seed, e.getKey()));
            for (int i = cases.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String t = cases.get(i);
                cases.set(i, cases.get(j));
                cases.set(j, t);
            }
            int n = size.at(e.getKey(), cases.size(), smallest, largest);
            int end = Math.min(cases.size(), n + replacements);
            for (int i = 0; i < end; i++) out.add(new SampleDraw.Drawn(e.getKey(), cases.get(i), i + 1, i >= n));
        }
        return new SampleDraw(
                0,
                frame.getFileName().toString(),
                ContentHash.sha256(frame),
                rows,
                seed,
                METHOD,
                size.describe(),
                replacements,
                out,
                frames);
    }

    Map<String, List<String>> readFrame(Path frame) {
        String name = frame.getFileName().toString();
        List<Violation> problems = new ArrayList<>();
        Map<String, List<String>> bySite = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(frame, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreHeaderCase(true)
                        .get()
                        .parse(r)) {
            for (String col : List.of(siteColumn, caseColumn)) {
                if (!p.getHeaderMap().containsKey(col)
                        && p.getHeaderMap().keySet().stream().noneMatch(h -> h.equalsIgnoreCase(col))) {
                    problems.add(new Violation(
                            name,
                            0,
                            null,
                            col,
                            null,
                            "missing_column",
                            "the case list needs a " + col + " column",
                            Severity.ERROR));
                }
            }
            if (!problems.isEmpty()) throw new FrameException(problems);
            Set<String> seen = new HashSet<>();
            for (CSVRecord rec : p) {
                long row = rec.getRecordNumber();
                String site = rec.get(siteColumn).strip();
                String ref = rec.get(caseColumn).strip();
                if (site.isEmpty())
                    problems.add(new Violation(
                            name, row, null, siteColumn, null, "blank", "the site is blank", Severity.ERROR));
                if (ref.isEmpty())
                    problems.add(new Violation(
                            name, row, null, caseColumn, null, "blank", "the case reference is blank", Severity.ERROR));
                if (!site.isEmpty() && !ref.isEmpty() && !seen.add(site + "\u0000" + ref)) {
                    problems.add(new Violation(
                            name,
                            row,
                            ref,
                            caseColumn,
                            null,
                            "duplicate_id",
                            "the case appears twice in the list",
                            Severity.ERROR));
                }
                bySite.computeIfAbsent(site, k -> new ArrayList<>()).add(ref);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read the case list", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof FrameException fe) throw fe;
            throw new FrameException(List.of(new Violation(
                    name,
                    0,
                    null,
                    null,
                    null,
                    "malformed",
                    "not a readable CSV case list: " + e.getMessage(),
                    Severity.ERROR)));
        }
        if (bySite.isEmpty())
            problems.add(
                    new Violation(name, 0, null, null, null, "no_rows", "the case list has no cases", Severity.ERROR));
        if (!problems.isEmpty()) throw new FrameException(problems);
        return bySite;
    }

    static long siteSeed(long seed, String site) {
        byte[] h = ContentHash.digest((seed + ":" + site).getBytes(StandardCharsets.UTF_8));
        long s = 0;
        for (int i = 0; i < 8; i++) s = (s << 8) | (h[i] & 0xff);
        return s;
    }

    /** Records a draw in the store (and the audit log); returns it with its id. */
    public static SampleDraw record(Store store, SampleDraw draw, String actor, String version) {
        try {
            return store.tx(c -> {
                long id;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO sample_draw (at, actor, frame_name, frame_sha256, frame_rows, seed, method, "
                                + "size_rule, replacements, tfeval_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                    ps.setObject(1, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                    ps.setString(2, actor);
                    ps.setString(3, draw.frameName());
                    ps.setString(4, draw.frameSha256());
                    ps.setLong(5, draw.frameRows());
                    ps.setLong(6, draw.seed());
                    ps.setString(7, draw.method());
                    ps.setString(8, draw.sizeRule());
                    ps.setInt(9, draw.replacements());
                    ps.setString(10, version);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO sample_case (draw_id, tf_id, case_ref, draw_order, role) VALUES (?, ?, ?, ?, ?)")) {
                    for (SampleDraw.Drawn d : draw.cases()) {
                        ps.setLong(1, id);
                        ps.setString(2, d.tfId());
                        ps.setString(3, d.caseRef());
                        ps.setInt(4, d.order());
                        ps.setString(5, d.replacement() ? "replacement" : "sample");
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                recordFrames(c, id, draw);
                AuditLog.record(
                        c,
                        new AuditEntry(
                                actor,
                                "sample",
                                null,
                                "case sample draw " + id,
                                "{\"draw\":" + id + ",\"frame_sha256\":\"" + draw.frameSha256() + "\",\"seed\":"
                                        + draw.seed() + ",\"cases\":"
                                        + draw.cases().size() + "}"));
                return draw.withId(id);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the sample draw (" + e.getSQLState() + ")", e);
        }
    }

    /**
     * Per site of the draw (V700, {@code sample_frame}): frame size N, cases drawn into the sample n, and
     * replacements drawn. Who drew, the seed and the method are the draw's own ({@code sample_draw}); replacements
     * used follow from the coded cases' CASE_REF (see the snapshot's sample design).
     */
    private static void recordFrames(Connection c, long id, SampleDraw draw) throws SQLException {
        Map<String, long[]> drawn = new TreeMap<>();
        for (SampleDraw.Drawn d : draw.cases())
            drawn.computeIfAbsent(d.tfId(), k -> new long[2])[d.replacement() ? 1 : 0]++;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sample_frame (draw_id, tf_id, frame_size, "
                + "sample_size, replacements_drawn) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Long> f : draw.frameSizes().entrySet()) {
                long[] n = drawn.getOrDefault(f.getKey(), new long[2]);
                ps.setLong(1, id);
                ps.setString(2, f.getKey());
                ps.setLong(3, f.getValue());
                ps.setLong(4, n[0]);
                ps.setLong(5, n[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Loads a recorded draw. */
    public static SampleDraw load(Store store, long id) {
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT frame_name, frame_sha256, frame_rows, seed, method, size_rule, replacements FROM sample_draw WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next())
                    throw new IllegalArgumentException("no sample draw " + id + " is recorded in this study");
                List<SampleDraw.Drawn> cases = new ArrayList<>();
                try (PreparedStatement pc = c.prepareStatement(
                        "SELECT tf_id, case_ref, draw_order, role FROM sample_case WHERE draw_id = ? "
                                + "ORDER BY tf_id, draw_order")) {
                    pc.setLong(1, id);
                    try (ResultSet r2 = pc.executeQuery()) {
                        while (r2.next())
                            cases.add(new SampleDraw.Drawn(
                                    r2.getString(1),
                                    r2.getString(2),
                                    r2.getInt(3),
                                    r2.getString(4).equals("replacement")));
                    }
                }
                Map<String, Long> frames = new TreeMap<>();
                try (PreparedStatement pf =
                        c.prepareStatement("SELECT tf_id, frame_size FROM sample_frame WHERE draw_id = ?")) {
                    pf.setLong(1, id);
                    try (ResultSet r3 = pf.executeQuery()) {
                        while (r3.next()) frames.put(r3.getString(1), r3.getLong(2));
                    }
                }
                return new SampleDraw(
                        id,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        cases,
                        frames);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sample draw " + id + " (" + e.getSQLState() + ")", e);
        }
    }

    /**
     * The cases on each site's list of recorded draw {@code id}, counted from its case list: the frame sizes
     * {@code N_h} of the design weights {@code N_h / n_h}. Refused unless {@code frame} is the list the draw was
     * drawn from (same SHA-256). Draws recorded since V700 carry their frame sizes ({@link SampleDraw#frameSizes()}),
     * so snapshots and analyses need no case list; this re-counts them from the file.
     */
    public static Map<String, Long> frameSizes(Store store, long id, Path frame) {
        SampleDraw recorded = load(store, id);
        String sha = ContentHash.sha256(frame);
        if (!sha.equals(recorded.frameSha256())) {
            throw org.tfeval.instrument.workflow.Problem.refused(
                    "the case list is not the one sample draw " + id + " was drawn from (SHA-256 "
                            + ContentHash.shortId(sha) + "... vs recorded "
                            + ContentHash.shortId(recorded.frameSha256())
                            + "...)",
                    "pass the case list the draw was made from");
        }
        Map<String, Long> out = new TreeMap<>();
        of(new SampleSize.Fixed(1), recorded.seed())
                .readFrame(frame)
                .forEach((site, cases) -> out.put(site, (long) cases.size()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Re-derives a recorded draw from the frame; returns the differences (empty when it reproduces). */
    public static List<String> verify(Store store, long id, Path frame) {
        SampleDraw recorded = load(store, id);
        List<String> problems = new ArrayList<>();
        String sha = ContentHash.sha256(frame);
        if (!sha.equals(recorded.frameSha256())) {
            problems.add("the case list differs from the one drawn from (SHA-256 " + ContentHash.shortId(sha)
                    + "... vs recorded " + ContentHash.shortId(recorded.frameSha256()) + "...)");
        }
        SampleSize size = SampleSize.parse(recorded.sizeRule().split(" ")[0]);
        if (!recorded.frameSizes().isEmpty()
                && !recorded.frameSizes()
                        .equals(Sampler.of(size, recorded.seed()).draw(frame).frameSizes()))
            problems.add("the frame sizes recorded with the draw differ from the case list's");
        SampleDraw again = Sampler.of(size, recorded.seed())
                .withReplacements(recorded.replacements())
                .draw(frame);
        if (!again.cases().equals(recorded.cases())) {
            long differing = again.cases().stream()
                            .filter(d -> !recorded.cases().contains(d))
                            .count()
                    + recorded.cases().stream()
                            .filter(d -> !again.cases().contains(d))
                            .count();
            problems.add(differing + " drawn cases differ from the recorded draw");
        }
        return problems;
    }
}
