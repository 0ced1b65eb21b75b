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
import org.tfeval.snapshot.Snapshotter;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.store.Store;
import org.tfeval.store.imports.ImportResult;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.store.validate.ValidationReport;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/**
 * Real snapshots of generated studies, made the way users make them: generate CSVs, import every
 * form into a fresh PostgreSQL database, validate, snapshot. One per configuration per test JVM.
 */
public final class SyntheticSnapshots {
    private static final Map<String, Snapshot> CACHE = new ConcurrentHashMap<>();

    private SyntheticSnapshots() {
    }

    /** The default study (226 cases, 10 task forces), no planted errors. */
    public static Snapshot standard() {
        return of(StudyGenerator.DEFAULT_CASES, StudyGenerator.DEFAULT_SITES, StudyGenerator.DEFAULT_SEED, false);
    }

    /** The default study with the generator's deliberate coding errors (snapshot taken with --allow-errors). */
    public static Snapshot withErrors() {
        return of(StudyGenerator.DEFAULT_CASES, StudyGenerator.DEFAULT_SITES, StudyGenerator.DEFAULT_SEED, true);
    }

    public static synchronized Snapshot of(int cases, int sites, long seed, boolean errors) {
        return CACHE.computeIfAbsent(cases + "/" + sites + "/" + seed + "/" + errors, k -> make(cases, sites, seed, errors));
    }

    private static Snapshot make(int cases, int sites, long seed, boolean errors) {
        try {
            Path root = Files.createTempDirectory(Path.of("/tmp"), "tfeval-analysis-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Instrument ins = InstrumentLoader.builtIn("ecm");
            StudyGenerator.defaults().withCases(cases).withSites(sites).withSeed(seed).withErrors(errors)
                    .generate(ins, root.resolve("data"), org.tfeval.synth.ProgressListener.none());
            Store store = Store.open(PostgresExtension.freshDatabase(), "tfeval", ins);
            for (String form : ins.formNames()) {
                ImportResult r = Importer.of(store).importFile(form, root.resolve("data").resolve(form + ".csv"));
                if (!r.stored()) throw new IllegalStateException("import of " + form + " failed: " + r.countsByCode());
            }
            ValidationReport report = StudyValidator.of(store).validate();
            return Snapshotter.of(store).withSynthetic(true).withAllowErrors(errors).withProgress(ProgressListener.NONE)
                    .take(root.resolve("snapshots"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
