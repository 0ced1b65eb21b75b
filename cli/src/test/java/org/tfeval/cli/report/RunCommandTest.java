package org.tfeval.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.cli.Tfeval;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.query.DataQuery;
import org.tfeval.store.query.Queries;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;
import org.tfeval.synth.StudyGenerator;
import picocli.CommandLine;

/** {@code tfeval run} and {@code tfeval report} as a user runs them, on studies with the embedded database. */
class RunCommandTest {
    private static Path root;

    record Run(int exit, String out, String err) {}

    static Run run(Callable<Integer> command, String... args) {
        return run(Tfeval.configure(new CommandLine(command)), args);
    }

    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void folder() throws Exception {
        // the embedded server may run as 'nobody' (when tests run as root): the folder must be reachable
        root = Files.createTempDirectory(Path.of("/tmp"), "tfeval-run-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void clean() throws Exception {
        try (var s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
            });
        }
    }

    /**
     * A synthetic study with the default 226 cases imported; with {@code planted}, one case's close
     * date is then edited to before its opening (an audited edit breaking the case_dates_in_order rule).
     */
    static Path study(String name, boolean planted) throws Exception {
        StudyWorkspace ws = StudyWorkspace.init(root.resolve(name), "ecm", true);
        Instrument ins = ws.instrument();
        Path data = ws.dir().resolve("synthetic");
        StudyGenerator.defaults().withErrors(false).generate(ins, data, org.tfeval.synth.ProgressListener.none());
        try (var session = ws.open(null)) {
            for (String form : ins.formNames()) {
                assertThat(Importer.of(session.store())
                                .importFile(form, data.resolve(form + ".csv"))
                                .stored())
                        .as(form)
                        .isTrue();
            }
            if (planted) {
                String caseId =
                        Files.readAllLines(data.resolve("case.csv")).get(1).split(",")[0];
                new RecordEditor(session.store(), "test")
                        .set("case", List.of(caseId), Map.of("CASE_CLOSE_DATE", "1990-01-02"), "planted by the test");
            }
        }
        return ws.dir();
    }

    @Test
    void a_draw_without_the_case_list_it_was_drawn_from_is_a_usage_error_before_anything_runs() {
        Run r = run(new RunCommand(), "--study", root.resolve("not-created").toString(), "--draw", "1");
        assertThat(r.exit()).isEqualTo(org.tfeval.cli.ExitCodes.USAGE);
        assertThat(r.err()).contains("--draw and --frame go together");
    }

    @Test
    void run_validates_snapshots_analyses_and_writes_every_report() throws Exception {
        Path s = study("clean", false);
        Run r = run(new RunCommand(), "--study", s.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Validated: 0 errors")
                .contains("Snapshot ")
                .contains("8 task-force reports")
                .contains("Done in");
        Path snapshots = s.resolve("snapshots");
        String id;
        try (var l = Files.list(snapshots)) {
            id = l.filter(Files::isDirectory)
                    .findFirst()
                    .orElseThrow()
                    .getFileName()
                    .toString();
        }
        Path reports = s.resolve("reports").resolve("snapshot-" + ContentHash.shortId(id));
        assertThat(reports.resolve("technical-report.html")).isRegularFile();
        assertThat(reports.resolve("technical-report.pdf")).isRegularFile();
        assertThat(reports.resolve("practitioner-brief.pdf")).isRegularFile();
        assertThat(new ObjectMapper()
                        .readTree(reports.resolve("results/results.json").toFile())
                        .path("snapshot")
                        .path("id")
                        .asText())
                .isEqualTo(id);
        assertThat(s.resolve("reports/validation.html")).isRegularFile();

        Path out = root.resolve("again");
        Run again = run(
                new ReportCommand(),
                "--study",
                s.toString(),
                "--snapshot",
                id.substring(0, 8),
                "--out",
                out.toString(),
                "--no-pdf",
                "--threshold",
                "5",
                "--paper",
                "A4");
        assertThat(again.exit()).as(again.err()).isZero();
        // US Letter unless asked: the first run's report is on Letter, this one on A4
        assertThat(Files.readString(reports.resolve("technical-report.html"))).contains("size: 8.5in 11in");
        assertThat(Files.readString(out.resolve("technical-report.html"))).contains("size: 210mm 297mm");
        Run legal = run(
                new ReportCommand(),
                "--study",
                s.toString(),
                "--snapshot",
                id.substring(0, 8),
                "--out",
                root.resolve("legal").toString(),
                "--no-pdf",
                "--paper",
                "legal");
        assertThat(legal.exit()).isEqualTo(2);
        assertThat(legal.err()).contains("unknown paper size 'legal'").contains("letter, a4");
        assertThat(root.resolve("legal")).doesNotExist();
        assertThat(out.resolve("technical-report.html")).isRegularFile();
        assertThat(out.resolve("technical-report.pdf")).doesNotExist();
        assertThat(Files.readString(out.resolve("index.html")))
                .contains("Threshold for withholding other task forces' counts: 5");
        // the same snapshot gives the same result tables
        assertThat(Files.readString(out.resolve("results/funnel.json")))
                .isEqualTo(Files.readString(reports.resolve("results/funnel.json")));
    }

    @Test
    void run_and_snapshot_are_refused_alike_while_a_data_quality_query_is_open() throws Exception {
        Path s = study("queried", false);
        try (Study study = Study.open(s, null);
                Connection c = study.store().connect()) {
            c.setAutoCommit(true);
            String caseId =
                    Files.readAllLines(s.resolve("synthetic/case.csv")).get(1).split(",")[0];
            String tfId = caseId.substring(0, caseId.indexOf('-'));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO coding_case (case_id, tf_id, created_at, created_by) VALUES ('" + caseId
                        + "', '" + tfId + "', now(), 't')");
            }
            Queries.open(
                    c,
                    caseId,
                    tfId,
                    "case",
                    caseId,
                    "CASE_CLOSE_DATE",
                    DataQuery.Origin.COORDINATOR,
                    null,
                    "please check the date",
                    "cora");
        }
        Run run = run(new RunCommand(), "--study", s.toString(), "--no-pdf", "--allow-errors");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("tfeval run: snapshot refused: 1 data-quality query is open or answered")
                .contains("close them");
        assertThat(run.err().lines().count()).isEqualTo(1);
        Run snapshot = run(Tfeval.commandLine(), "snapshot", "--study", s.toString(), "--allow-errors");
        assertThat(snapshot.exit()).isEqualTo(1);
        assertThat(snapshot.err()).isEqualTo(run.err().replace("tfeval run:", "tfeval snapshot:"));
        assertThat(s.resolve("snapshots")).doesNotExist();
        assertThat(s.resolve("reports").resolve("validation.html")).doesNotExist();
    }

    @Test
    void run_refuses_while_validation_errors_remain_and_reports_them_when_allowed() throws Exception {
        Path s = study("planted", true);
        Run refused = run(new RunCommand(), "--study", s.toString(), "--no-pdf");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).startsWith("tfeval run: ").contains("snapshot refused");
        assertThat(refused.err().lines().count()).isEqualTo(1);
        assertThat(s.resolve("snapshots"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());

        Run allowed = run(new RunCommand(), "--study", s.toString(), "--no-pdf", "--allow-errors");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("--allow-errors, recorded in the manifest");
        try (var l = Files.list(s.resolve("reports"))) {
            Path dir = l.filter(p -> p.getFileName().toString().startsWith("snapshot-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(dir.resolve("technical-report.html")))
                    .containsPattern(
                            "with (1 validation error|\\d+ validation errors) unresolved \\(--allow-errors\\)");
        }
    }

    @Test
    void an_unknown_snapshot_or_a_missing_study_is_one_line_and_exit_code_2() {
        Run noStudy =
                run(new ReportCommand(), "--study", root.resolve("nothing").toString(), "--snapshot", "abc");
        assertThat(noStudy.exit()).isEqualTo(2);
        assertThat(noStudy.err()).startsWith("tfeval report: no study").doesNotContain("Exception");
        Run help = run(new RunCommand(), "--help");
        assertThat(help.out()).contains("Exit codes:").contains("1   refused: validation errors");
    }
}
