package org.tfeval.release.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.release.disclosure.Thresholds;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.release.pipeline.ReleaseResult;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.write.CsvStudy;
import org.tfeval.snapshot.write.SnapshotWriter;
import org.tfeval.synth.StudyGenerator;

/**
 * Benchmark of the release pipeline (not a test; run by {@code release/bench/run.sh}). Two steps, each
 * in its own JVM so that the peak memory of the release is its own:
 *
 * <pre>
 * prepare DIR CASES SITES   generate a synthetic study and freeze it into DIR/snapshots without a database
 *                           (snapshot.write.CsvStudy; skipped when a snapshot exists)
 * release DIR K             build a public-use package in every format from that snapshot into DIR/package-kK,
 *                           with the limits on suppression lifted so the share is measured, not refused
 * </pre>
 *
 * The release step prints wall time, the process's peak resident memory (VmHWM: Java heap and DuckDB's
 * native memory), the peak Java heap, rows per dataset and the share of suppressed values.
 */
public final class ReleaseBenchmark {
    private ReleaseBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReleaseBenchmark prepare DIR CASES SITES | release DIR K");
            System.exit(2);
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        switch (args[0]) {
            case "prepare" -> prepare(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "release" -> release(dir, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    private static void prepare(Path dir, int cases, int sites) throws Exception {
        if (Files.isDirectory(dir.resolve("snapshots")) && snapshot(dir) != null) {
            System.out.println("snapshot exists: " + snapshot(dir).dir());
            return;
        }
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Instrument ins = InstrumentLoader.builtIn("ecm");
        long t0 = System.nanoTime();
        StudyGenerator.defaults()
                .withCases(cases)
                .withSites(sites)
                .withSeed(1)
                .withErrors(false)
                .generate(ins, dir.resolve("data"), (f, d, t) -> {});
        System.out.printf(Locale.ROOT, "generate %,d cases / %d sites: %.1f s%n", cases, sites, seconds(t0));
        long t1 = System.nanoTime();
        try (CsvStudy study = CsvStudy.load(ins, dir.resolve("data"))) {
            if (!study.validation().passed()) {
                throw new IllegalStateException(
                        "the generated study has " + study.validation().errors() + " validation errors");
            }
            Snapshot sn = SnapshotWriter.of(ins)
                    .withSynthetic(true)
                    .write(dir.resolve("snapshots"), study.validation(), study)
                    .snapshot();
            System.out.printf(Locale.ROOT, "read and snapshot: %.1f s -> %s %s%n", seconds(t1), sn.dir(), sn.rows());
        }
        WorkFolders.deleteTree(dir.resolve("data"));
    }

    private static void release(Path dir, int k) throws Exception {
        Snapshot sn = snapshot(dir);
        if (sn == null) {
            throw new IllegalStateException("no snapshot under " + dir + "; run the prepare step first");
        }
        Path out = dir.resolve("package-k" + k);
        WorkFolders.deleteTree(out);
        long t0 = System.nanoTime();
        ReleaseResult r = ReleaseBuilder.of(sn)
                .withLevel(ReleaseLevel.PUBLIC)
                .withThresholds(Thresholds.defaults()
                        .withK(k)
                        .withMaxSuppressedValueShare(1)
                        .withMaxRemovedCaseShare(1))
                .withProgress(new LineProgress())
                .build(out);
        double wall = seconds(t0);
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        long bytes;
        try (var walk = Files.walk(out)) {
            bytes = walk.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        System.out.printf(Locale.ROOT, "release (public, k = %d, all formats): %.1f s wall%n", k, wall);
        System.out.printf(
                Locale.ROOT,
                "peak resident memory (VmHWM, heap + DuckDB): %s; peak Java heap: %.0f MB (max %d MB)%n",
                vmHwm(),
                heap / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(
                Locale.ROOT,
                "rows: %s; %d files, %.1f MB%n",
                r.rows(),
                r.files().size() + 1,
                bytes / 1e6);
        System.out.printf(
                Locale.ROOT,
                "suppressed: %.1f%% of %,d quasi-identifier values, %.1f%% of %,d sensitive values; %,d cases left out%n",
                100 * r.report().loss().suppressedQuasiShare(),
                r.report().loss().quasiValues(),
                100 * r.report().loss().suppressedSensitiveShare(),
                r.report().loss().sensitiveValues(),
                r.report().loss().removedCases());
        r.report()
                .risk()
                .forEach(p -> System.out.printf(
                        Locale.ROOT,
                        "  risk %-9s classes %,10d  smallest %,6d  cases at risk %,10d  sample uniques %,10d%n",
                        p.stage(),
                        p.classes(),
                        p.smallestClass(),
                        p.casesAtRisk(),
                        p.sampleUniques()));
    }

    private static Snapshot snapshot(Path dir) throws IOException {
        Path snapshots = dir.resolve("snapshots");
        if (!Files.isDirectory(snapshots)) {
            return null;
        }
        try (var s = Files.list(snapshots)) {
            return s.filter(p -> Files.exists(p.resolve(Snapshot.MANIFEST)))
                    .findFirst()
                    .map(Snapshot::open)
                    .orElse(null);
        }
    }

    private static String vmHwm() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
            }
        }
        return "unknown";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Progress as a line per step, with the elapsed time. */
    private static final class LineProgress implements org.tfeval.instrument.workflow.ProgressListener {
        private final long start = System.nanoTime();
        private String last = "";

        @Override
        public synchronized void progress(String task, long done, long total) {
            String line = task + " " + done + "/" + total;
            if (!line.equals(last)) {
                System.err.printf(Locale.ROOT, "%7.1f s  %s%n", seconds(start), line);
                last = line;
            }
        }
    }
}
