package org.tfeval.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.pg.EmbeddedPostgres;
import org.tfeval.snapshot.Snapshotter;
import org.tfeval.store.Store;
import org.tfeval.store.imports.ImportResult;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.schema.FormTable;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.store.validate.ValidationReport;
import org.tfeval.synth.StudyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = {"Benchmark the backbone on a generated study (not a test): generation, a raw PostgreSQL COPY of the",
        "same rows as the baseline, tfeval's validated import, whole-study validation and a snapshot; reports rows/s and ratios."})
final class BenchCommand implements Callable<Integer> {
    /** Forms compared with the raw COPY baseline. */
    static final List<String> FORMS = List.of("task_force", "case", "victim", "suspect");

    @Spec
    CommandSpec spec;
    @Option(names = "--cases", defaultValue = "1000000")
    int cases;
    @Option(names = "--sites", defaultValue = "50")
    int sites;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a temporary folder, removed afterwards).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        Path work = dir != null ? dir : Files.createTempDirectory(Path.of("/tmp"), "tfeval-bench-");
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Instrument ins = InstrumentLoader.builtIn("ecm");
        ConsoleProgress progress = new ConsoleProgress(System.err);
        long t0 = System.nanoTime();
        StudyGenerator.defaults().withCases(cases).withSites(sites).withSeed(seed).withErrors(false)
                .generate(ins, work.resolve("data"), (f, d, t) -> progress.progress("generate " + f, d, t));
        double generate = seconds(t0);
        pw.printf(Locale.ROOT, "generate %d cases / %d sites: %.1f s%n", cases, sites, generate);
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(work.resolve("db"))) {
            Store raw = Store.open(pg.settings(), "raw", ins);
            Store tf = Store.open(pg.settings(), "tfeval", ins);
            long rows = 0;
            double rawSeconds = 0;
            double importSeconds = 0;
            for (String form : FORMS) {
                Path file = work.resolve("data").resolve(form + ".csv");
                FormTable t = raw.table(form);
                long start = System.nanoTime();
                long n = rawCopy(raw, t, file);
                rawSeconds += seconds(start);
                start = System.nanoTime();
                ImportResult r = Importer.of(tf).withProgress(progress).importFile(form, file);
                importSeconds += seconds(start);
                if (!r.stored()) throw new IllegalStateException("benchmark import of " + form + " failed: " + r.countsByCode());
                rows += n;
                pw.printf(Locale.ROOT, "  %-10s %,10d rows%n", form, n);
            }
            pw.printf(Locale.ROOT, "raw COPY (baseline, no validation): %,.0f rows/s (%.1f s)%n", rows / rawSeconds, rawSeconds);
            pw.printf(Locale.ROOT, "tfeval import (validated, audited): %,.0f rows/s (%.1f s)  ratio to raw COPY: %.2f%n", rows / importSeconds,
                    importSeconds, rawSeconds / importSeconds);
            Importer.of(tf).importFile("offense", work.resolve("data").resolve("offense.csv"));
            long start = System.nanoTime();
            ValidationReport report = StudyValidator.of(tf).withProgress(progress).validate();
            pw.printf(Locale.ROOT, "validate: %.1f s (%d errors)%n", seconds(start), report.errors());
            start = System.nanoTime();
            Snapshotter.of(tf).withProgress(progress).take(work.resolve("snapshots"), report);
            pw.printf(Locale.ROOT, "snapshot: %.1f s%n", seconds(start));
        } finally {
            if (dir == null) WorkFolders.deleteTree(work);
        }
        return ExitCodes.OK;
    }

    /** The baseline: PostgreSQL's own CSV COPY of the same file into the same table layout, with no checks. */
    private static long rawCopy(Store store, FormTable t, Path file) throws Exception {
        List<String> cols = t.form().variables().stream().map(v -> FormTable.column(v.name())).toList();
        try (Connection c = store.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE text_copy (" + String.join(", ", cols.stream().map(x -> x + " text").toList()) + ")");
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY text_copy FROM STDIN WITH (FORMAT csv, HEADER true)", r);
            }
            // cast into the typed table; dates keep missing codes out of the date column, as the store does
            StringBuilder select = new StringBuilder();
            for (var v : t.form().variables()) {
                String c0 = FormTable.column(v.name());
                if (select.length() > 0) select.append(", ");
                if (v.type() == org.tfeval.instrument.VariableType.DATE) {
                    select.append("CASE WHEN ").append(c0).append(" LIKE '-%' THEN NULL ELSE ").append(c0).append("::date END, CASE WHEN ")
                            .append(c0).append(" LIKE '-%' THEN ").append(c0).append("::smallint END");
                } else {
                    select.append("NULLIF(").append(c0).append(", '')::").append(v.type().sqlType());
                }
            }
            return st.executeUpdate("INSERT INTO " + t.table() + " SELECT " + select + " FROM text_copy");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

}
