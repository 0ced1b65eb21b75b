package org.tfeval.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.write.CsvStudy;
import org.tfeval.snapshot.write.SnapshotWriter;
import org.tfeval.synth.StudyGenerator;

/**
 * Real snapshots of generated studies: generate CSVs and freeze them in the snapshot format without a
 * database ({@link CsvStudy}), which gives the snapshot importing them into the store and taking one
 * gives (the store's {@code SnapshotFromFilesTest} proves it). One per configuration per test JVM.
 */
public final class SyntheticSnapshots {
    private static final Map<String, Snapshot> CACHE = new ConcurrentHashMap<>();

    private SyntheticSnapshots() {}

    /** The default study (226 cases, 10 task forces), no planted errors. */
    public static Snapshot standard() {
        return of(StudyGenerator.DEFAULT_CASES, StudyGenerator.DEFAULT_SITES, StudyGenerator.DEFAULT_SEED, false);
    }

    /** The default study with the generator's deliberate coding errors (snapshot taken with --allow-errors). */
    public static Snapshot withErrors() {
        return of(StudyGenerator.DEFAULT_CASES, StudyGenerator.DEFAULT_SITES, StudyGenerator.DEFAULT_SEED, true);
    }

    public static synchronized Snapshot of(int cases, int sites, long seed, boolean errors) {
        return CACHE.computeIfAbsent(
                cases + "/" + sites + "/" + seed + "/" + errors, k -> make(cases, sites, seed, errors));
    }

    private static Snapshot make(int cases, int sites, long seed, boolean errors) {
        try {
            Path root = Files.createTempDirectory(Path.of("/tmp"), "tfeval-analysis-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Instrument ins = InstrumentLoader.builtIn("ecm");
            StudyGenerator.defaults()
                    .withCases(cases)
                    .withSites(sites)
                    .withSeed(seed)
                    .withErrors(errors)
                    .generate(ins, root.resolve("data"), org.tfeval.synth.ProgressListener.none());
            try (CsvStudy study = CsvStudy.load(ins, root.resolve("data"))) {
                return SnapshotWriter.of(ins)
                        .withSynthetic(true)
                        .withAllowErrors(errors)
                        .write(root.resolve("snapshots"), study.validation(), study)
                        .snapshot();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
