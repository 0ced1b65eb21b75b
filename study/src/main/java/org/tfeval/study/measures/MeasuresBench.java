package org.tfeval.study.measures;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.MeasureCatalogueLoader;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.file.MeasureFileWriter;
import org.tfeval.measures.synthetic.SyntheticMeasures;
import org.tfeval.study.Study;

/**
 * The performance-measure benchmark (never a test): N task forces x Y years x M measures generated as one
 * measure file; a raw PostgreSQL COPY of that file into an untyped table of its columns as the baseline,
 * tfeval's validated, audited import of the same file, the same import again (idempotent: nothing changes),
 * reconciliation, and the reports (chapter and one per task force), in one run on one embedded database.
 */
public final class MeasuresBench {
    /** The measures of the built-in catalogue are topped up with plain measures to this many by default. */
    public static final int DEFAULT_MEASURES = 40;

    private final int taskForces;
    private final int years;
    private final int measures;
    private final long seed;
    private final boolean pdf;
    private final ProgressListener progress;

    private MeasuresBench(int taskForces, int years, int measures, long seed, boolean pdf, ProgressListener progress) {
        if (taskForces < 1 || years < 1) throw new IllegalArgumentException("task forces and years must be >= 1");
        this.taskForces = taskForces;
        this.years = years;
        this.measures = measures;
        this.seed = seed;
        this.pdf = pdf;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** 50 task forces x 15 years x 40 measures, HTML reports only. */
    public static MeasuresBench defaults() {
        return new MeasuresBench(50, 15, DEFAULT_MEASURES, 1, false, ProgressListener.NONE);
    }

    public MeasuresBench withSize(int taskForces, int years, int measures) {
        return new MeasuresBench(taskForces, years, measures, seed, pdf, progress);
    }

    public MeasuresBench withSeed(long s) {
        return new MeasuresBench(taskForces, years, measures, s, pdf, progress);
    }

    public MeasuresBench withPdf(boolean b) {
        return new MeasuresBench(taskForces, years, measures, seed, b, progress);
    }

    public MeasuresBench withProgress(ProgressListener p) {
        return new MeasuresBench(taskForces, years, measures, seed, pdf, p);
    }

    /** The run's figures (seconds). */
    public record Figures(
            int taskForces,
            int years,
            int measures,
            long rows,
            double generateSeconds,
            double rawCopySeconds,
            double importSeconds,
            double reimportSeconds,
            double reconcileSeconds,
            long flagged,
            double reportSeconds,
            int reports,
            double snapshotSeconds,
            double chapterSeconds) {}

    /** The built-in catalogue topped up with plain measures (half per grantee) to {@code n} measures. */
    static MeasureCatalogue catalogue(int n, StringBuilder yamlOut) {
        String base = MeasureCatalogueLoader.builtInSource();
        int have = MeasureCatalogueLoader.builtIn().measures().size();
        StringBuilder extra = new StringBuilder();
        for (int i = have; i < n; i++) {
            boolean le = i % 2 == 0;
            String id = (le ? "LE_BENCH_" : "VS_BENCH_") + String.format("%02d", i);
            extra.append("  - {id: ")
                    .append(id)
                    .append(", label: Bench measure ")
                    .append(i)
                    .append(", grantee: ")
                    .append(le ? "law_enforcement" : "victim_services")
                    .append(", unit: people, period: quarter, definition: \"A benchmark measure.\"}\n");
        }
        String version = MeasureCatalogueLoader.builtIn().version();
        String yaml = base.replace("version: " + version, "version: " + version + "-bench")
                .replace("\npairs:\n", "\n" + extra + "pairs:\n");
        yamlOut.append(yaml);
        return MeasureCatalogueLoader.parse(yaml, "bench catalogue");
    }

    /** Runs the benchmark in an empty or new folder {@code work}; the caller removes it. */
    public Figures run(Path work) {
        try {
            Files.createDirectories(work);
            try (var s = Files.list(work)) {
                if (s.findAny().isPresent())
                    throw Problem.refused(work + " is not empty", "give an empty or new folder");
            }
            StringBuilder yaml = new StringBuilder();
            MeasureCatalogue cat = catalogue(measures, yaml);
            FiscalQuarter last = SyntheticPerformanceMeasures.THROUGH;
            int firstYear = last.fiscalYear() - years + 1;
            List<SyntheticMeasures.Site> sites = new ArrayList<>();
            for (int i = 1; i <= taskForces; i++)
                sites.add(new SyntheticMeasures.Site(String.format("TF%02d", i), firstYear, 0.5 + (i % 7) * 0.25));
            progress.progress("generate measures", 0, 1);
            long t0 = System.nanoTime();
            SyntheticMeasures.Generated g = SyntheticMeasures.defaults()
                    .withSeed(seed)
                    .withThrough(last)
                    .withPlantedGaps(taskForces)
                    .generate(cat, sites);
            Path file = work.resolve("measures.csv");
            MeasureFileWriter.write(file, g.values(), cat);
            double generate = seconds(t0);
            progress.progress("generate measures", 1, 1);
            try (Study study = Study.create(work.resolve("study"), "ecm", true, null)) {
                Measures m = Measures.of(study);
                Files.writeString(m.catalogueFile(), yaml, StandardCharsets.UTF_8);
                progress.progress("raw COPY", 0, 1);
                long start = System.nanoTime();
                rawCopy(study, file);
                double raw = seconds(start);
                progress.progress("import", 0, 1);
                start = System.nanoTime();
                Measures.Imported im = m.importFile(file, false, "bench");
                double imp = seconds(start);
                if (!im.stored())
                    throw Problem.internal(
                            "the bench's measures were refused: "
                                    + im.violations().get(0).message(),
                            null);
                start = System.nanoTime();
                Measures.Imported again = m.importFile(file, false, "bench");
                double reimp = seconds(start);
                if (again.inserted() != 0) throw Problem.internal("the second import stored values again", null);
                start = System.nanoTime();
                long flagged = m.reconcile().stream().filter(r -> r.flagged()).count();
                double rec = seconds(start);
                progress.progress("reports", 0, 1);
                start = System.nanoTime();
                var w = m.report(work.resolve("report"), SyntheticPerformanceMeasures.REPORT_THRESHOLD, pdf, "bench");
                double rep = seconds(start);
                // the measures frozen into a snapshot, and the chapter read back from it alone
                progress.progress("snapshot", 0, 1);
                start = System.nanoTime();
                org.tfeval.snapshot.Snapshot sn = study.freeze(
                                new Study.Freeze("bench", false, "bench"), ProgressListener.NONE)
                        .snapshot();
                double snap = seconds(start);
                start = System.nanoTime();
                org.tfeval.report.document.Document doc = org.tfeval.report.document.Document.create("bench", "bench");
                org.tfeval.report.measures.MeasuresChapter.of(sn, SyntheticPerformanceMeasures.REPORT_THRESHOLD)
                        .orElseThrow(() -> Problem.internal("the bench's snapshot holds no measures", null))
                        .write(doc);
                doc.toXhtml();
                double chapter = seconds(start);
                return new Figures(
                        taskForces,
                        years,
                        cat.measures().size(),
                        im.rows(),
                        generate,
                        raw,
                        imp,
                        reimp,
                        rec,
                        flagged,
                        rep,
                        w.taskForces().size() + 1,
                        snap,
                        chapter);
            }
        } catch (IOException e) {
            throw Problem.internal("the measures bench could not work in " + work + " (" + e.getMessage() + ")", e);
        }
    }

    /** The baseline: the file COPYed as it is into an untyped table of its columns, in the study's database. */
    private static void rawCopy(Study study, Path file) {
        try (Connection c = study.store().connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_measure_raw (tf_id text, system text, award text, period_start date,"
                        + " period_end date, measure_id text, measure_label text, disaggregation text, value bigint)");
            }
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY bench_measure_raw FROM STDIN (FORMAT csv, HEADER true)", r);
            }
            if (!c.getAutoCommit()) c.commit();
        } catch (SQLException | IOException e) {
            throw Problem.internal("the raw COPY baseline failed", e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
