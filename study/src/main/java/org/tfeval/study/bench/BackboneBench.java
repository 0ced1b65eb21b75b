package org.tfeval.study.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.EmbeddedPostgres;
import org.tfeval.store.Store;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.schema.FormTable;
import org.tfeval.store.snapshot.SnapshotTaker;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.synth.StudyGenerator;

/**
 * The backbone benchmark (never a test): generation, a raw PostgreSQL COPY of the same rows into the
 * same typed tables as the baseline, tfeval's validated and audited import, whole-study validation
 * and a snapshot, measured in one run. Configured by copy.
 */
public final class BackboneBench {
    /** Forms compared with the raw COPY baseline. */
    public static final List<String> FORMS = List.of("task_force", "case", "victim", "suspect");

    private final int cases;
    private final int sites;
    private final long seed;
    private final ProgressListener progress;

    private BackboneBench(int cases, int sites, long seed, ProgressListener progress) {
        if (cases < 1 || sites < 1) throw new IllegalArgumentException("cases and sites must be positive");
        this.cases = cases;
        this.sites = sites;
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public static BackboneBench of(int cases, int sites, long seed) {
        return new BackboneBench(cases, sites, seed, ProgressListener.NONE);
    }

    public BackboneBench withProgress(ProgressListener p) {
        return new BackboneBench(cases, sites, seed, p);
    }

    /** Rows and seconds of one form: baseline and tfeval. */
    public record FormFigures(String form, long rows, double rawSeconds, double importSeconds) {}

    /** The run's figures. */
    public record Figures(
            int cases,
            int sites,
            double generateSeconds,
            List<FormFigures> forms,
            double validateSeconds,
            long validationErrors,
            double snapshotSeconds) {
        public Figures {
            forms = List.copyOf(forms);
        }

        public long rows() {
            return forms.stream().mapToLong(FormFigures::rows).sum();
        }

        public double rawSeconds() {
            return forms.stream().mapToDouble(FormFigures::rawSeconds).sum();
        }

        public double importSeconds() {
            return forms.stream().mapToDouble(FormFigures::importSeconds).sum();
        }
    }

    /**
     * Runs the benchmark in {@code work}, which is created when missing (and must otherwise be an
     * empty folder); the caller removes it.
     */
    public Figures run(Path work) {
        try {
            prepare(work);
            Instrument ins = InstrumentLoader.builtIn("ecm");
            long t0 = System.nanoTime();
            StudyGenerator.defaults()
                    .withCases(cases)
                    .withSites(sites)
                    .withSeed(seed)
                    .withErrors(false)
                    .generate(ins, work.resolve("data"), (f, d, t) -> progress.progress("generate " + f, d, t));
            double generate = seconds(t0);
            try (EmbeddedPostgres pg = EmbeddedPostgres.start(work.resolve("db"))) {
                Store raw = Store.open(pg.settings(), "raw", ins);
                Store tf = Store.open(pg.settings(), "tfeval", ins);
                List<FormFigures> forms = new ArrayList<>();
                for (String form : FORMS) {
                    Path file = work.resolve("data").resolve(form + ".csv");
                    long start = System.nanoTime();
                    long n = rawCopy(raw, raw.table(form), file);
                    double rawSeconds = seconds(start);
                    start = System.nanoTime();
                    ImportResult r = Importer.of(tf).withProgress(progress).importFile(form, file);
                    if (!r.stored())
                        throw Problem.internal("benchmark import of " + form + " failed: " + r.countsByCode(), null);
                    forms.add(new FormFigures(form, n, rawSeconds, seconds(start)));
                }
                Importer.of(tf).importFile("offense", work.resolve("data").resolve("offense.csv"));
                long start = System.nanoTime();
                ValidationReport report =
                        StudyValidator.of(tf).withProgress(progress).validate();
                double validate = seconds(start);
                start = System.nanoTime();
                SnapshotTaker.of(tf)
                        .withProgress(progress)
                        .withAllowErrors(true)
                        .take(work.resolve("snapshots"), report);
                return new Figures(cases, sites, generate, forms, validate, report.errors(), seconds(start));
            }
        } catch (IOException | SQLException e) {
            throw Problem.internal("the benchmark failed in " + work + " (" + e.getMessage() + ")", e);
        }
    }

    private static void prepare(Path work) throws IOException {
        if (Files.exists(work)) {
            if (!Files.isDirectory(work))
                throw Problem.usage(work + " is a file, not a folder", "give --dir a new or empty folder");
            try (var s = Files.list(work)) {
                if (s.findAny().isPresent())
                    throw Problem.usage(
                            "the work folder " + work + " is not empty", "give --dir a new or empty folder");
            }
        }
        Files.createDirectories(work);
        // the embedded server may run as another user (root runs it as an unprivileged account)
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static long rawCopy(Store store, FormTable t, Path file) throws SQLException, IOException {
        List<String> cols = t.form().variables().stream()
                .map(v -> FormTable.column(v.name()))
                .toList();
        try (Connection c = store.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE text_copy ("
                    + String.join(", ", cols.stream().map(x -> x + " text").toList()) + ")");
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY text_copy FROM STDIN WITH (FORMAT csv, HEADER true)", r);
            }
            // cast into the typed table; dates keep missing codes out of the date column, as the store does
            StringBuilder select = new StringBuilder();
            for (var v : t.form().variables()) {
                String c0 = FormTable.column(v.name());
                if (select.length() > 0) select.append(", ");
                if (v.type() == VariableType.DATE) {
                    select.append("CASE WHEN ")
                            .append(c0)
                            .append(" LIKE '-%' THEN NULL ELSE ")
                            .append(c0)
                            .append("::date END, CASE WHEN ")
                            .append(c0)
                            .append(" LIKE '-%' THEN ")
                            .append(c0)
                            .append("::smallint END");
                } else {
                    select.append("NULLIF(")
                            .append(c0)
                            .append(", '')::")
                            .append(v.type().sqlType());
                }
            }
            return st.executeUpdate("INSERT INTO " + t.table() + " SELECT " + select + " FROM text_copy");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
