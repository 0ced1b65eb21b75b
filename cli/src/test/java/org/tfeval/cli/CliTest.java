package org.tfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;
import picocli.CommandLine;

/** The commands as a user runs them: the demo on the embedded database, then the commands on its study. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PostgresExtension.class)
class CliTest {
    private static Path root;
    private static Path study;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Tfeval.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void folder() throws Exception {
        // the embedded server may run as 'nobody' (when tests run as root): the folder must be reachable
        root = Files.createTempDirectory(Path.of("/tmp"), "tfeval-cli-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        study = root.resolve("my-study");
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

    @Test
    @Order(1)
    void demo_creates_a_synthetic_study_and_validation_finds_every_planted_error() throws Exception {
        Run r = run("demo", study.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("SYNTHETIC study")
                .contains("case=226")
                .contains("victim=208")
                .contains("suspect=257");
        // the study's products and the web accounts come with the first command
        assertThat(r.out())
                .contains("technical-report.pdf")
                .contains("practitioner-brief.pdf")
                .contains("coder1-tf01");
        // the SYNTHETIC performance measures: every planted reporting error found, every planted LE/VS gap flagged
        var pm = java.util.regex.Pattern.compile("errors found (\\d+) of (\\d+) \\((\\d+) other\\); planted LE/VS"
                        + " gaps flagged (\\d+) of (\\d+) \\((\\d+) other\\)")
                .matcher(r.out());
        assertThat(pm.find()).as(r.out()).isTrue();
        assertThat(pm.group(1)).isEqualTo(pm.group(2)).isNotEqualTo("0");
        assertThat(pm.group(4)).isEqualTo(pm.group(5)).isNotEqualTo("0");
        assertThat(pm.group(3) + pm.group(6)).isEqualTo("00");
        // consistent with the coded cases: no reported total or breakdown below what the coded files show
        assertThat(r.out()).contains("breakdowns below the coded case files: 0 and 0");
        try (var reports = Files.walk(study.resolve("reports"))) {
            assertThat(reports.map(p -> p.getFileName().toString())).contains("technical-report.html", "index.html");
        }
        // the frozen performance measures are a chapter of the technical report and of each task force's report
        try (var reports = Files.walk(study.resolve("reports"))) {
            List<Path> html = reports.filter(
                            p -> p.getFileName().toString().matches("(technical-report-restricted|report)\\.html"))
                    .toList();
            assertThat(html).isNotEmpty();
            for (Path p : html) {
                assertThat(Files.readString(p))
                        .as(p.toString())
                        .contains("Performance measures")
                        .containsAnyOf("Qualitative findings", "What stakeholders said");
            }
        }
        try (var reports = Files.walk(study.resolve("reports"))) {
            Path publicEdition = reports.filter(p -> p.getFileName().toString().equals("technical-report.html"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(publicEdition))
                    .doesNotContain("Performance measures")
                    .contains("their chapter is in the restricted edition")
                    // the interviews answer their research question in both editions
                    .contains("Qualitative findings");
        }
        JsonNode report = new ObjectMapper()
                .readTree(study.resolve("reports/validation.json").toFile());
        int planted = Integer.parseInt(r.out().replaceAll("(?s).*Planted (\\d+) deliberate.*", "$1"));
        assertThat(planted).isPositive();
        // every planted edit is found: each is one error (the generator plants one error per edited record)
        assertThat(report.path("errors").asLong())
                .isGreaterThanOrEqualTo(planted - 1)
                .isPositive();
        assertThat(report.path("records").path("case").asLong()).isEqualTo(226);
        try (var s = Files.list(study.resolve("snapshots"))) {
            Path snap = s.filter(Files::isDirectory).findFirst().orElseThrow();
            JsonNode manifest =
                    new ObjectMapper().readTree(snap.resolve("manifest.json").toFile());
            assertThat(manifest.path("synthetic").asBoolean()).isTrue();
            assertThat(manifest.path("allow_errors").asBoolean()).isTrue();
            // the five case-file datasets and the interview strand's participant, interview and consent forms
            assertThat(manifest.path("datasets")).hasSize(8);
            // the performance measures are frozen with them (issue 14)
            assertThat(manifest.path("measures").path("datasets")).hasSize(5);
            assertThat(manifest.path("measures").path("catalogue_version").asText())
                    .isNotEmpty();
            assertThat(manifest.path("id").asText())
                    .isEqualTo(snap.getFileName().toString());
        }
    }

    @Test
    @Order(2)
    void validate_exits_1_while_errors_remain_and_snapshot_is_refused() {
        Run v = run("validate", "--study", study.toString());
        assertThat(v.exit()).isEqualTo(ExitCodes.DATA_ERRORS);
        assertThat(v.out()).contains("errors").contains("validation.html");
        Run s = run("snapshot", "--study", study.toString());
        assertThat(s.exit()).isEqualTo(ExitCodes.DATA_ERRORS);
        assertThat(s.err()).contains("snapshot refused");
    }

    @Test
    @Order(3)
    void audit_log_verifies_and_sample_draw_reproduces() {
        Run a = run("audit", "verify", "--study", study.toString());
        assertThat(a.exit()).as(a.out() + a.err()).isZero();
        assertThat(a.out()).contains("intact");
        Run s = run(
                "sample",
                "--verify",
                "1",
                "--frame",
                study.resolve("synthetic/case_list.csv").toString(),
                "--study",
                study.toString());
        assertThat(s.exit()).as(s.out() + s.err()).isZero();
        assertThat(s.out()).contains("reproduces exactly");
    }

    @Test
    @Order(4)
    void export_then_import_into_a_fresh_study_round_trips(ConnectionSettings first) throws Exception {
        Path out = root.resolve("export");
        Files.createDirectories(out);
        Path a = root.resolve("study-a");
        Path b = root.resolve("study-b");
        String dbA = url(first);
        String dbB = url(PostgresExtension.freshDatabase());
        assertThat(run("init", a.toString(), "--db", dbA).exit()).isZero();
        assertThat(run("init", b.toString(), "--db", dbB).exit()).isZero();
        Run g = run("generate", "--study", a.toString(), "--db", dbA, "--cases", "60", "--sites", "4", "--seed", "7");
        assertThat(g.exit()).as(g.out() + g.err()).isZero();
        for (String form : List.of("task_force", "case", "victim", "suspect", "offense")) {
            Path file = out.resolve(form + ".csv");
            assertThat(run("export", "--study", a.toString(), "--db", dbA, "--form", form, "--out", file.toString())
                            .exit())
                    .isZero();
            Run imp = run(
                    "import",
                    "--study",
                    b.toString(),
                    "--db",
                    dbB,
                    "--form",
                    form,
                    file.toString(),
                    "--format",
                    "json");
            assertThat(imp.exit()).as(imp.out()).isZero();
            Path again = out.resolve(form + "-again.csv");
            assertThat(run("export", "--study", b.toString(), "--db", dbB, "--form", form, "--out", again.toString())
                            .exit())
                    .isZero();
            assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
            assertThat(Files.readAllLines(file).size()).isGreaterThan(1);
        }
    }

    private static String url(ConnectionSettings db) {
        return db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
    }

    @Test
    @Order(5)
    void import_with_errors_reports_them_as_json_and_exits_1() throws Exception {
        Path bad = root.resolve("bad-victims.csv");
        Files.writeString(bad, "VICTIM_ID,CASE_ID,TF_ID,HT_TYPE,V_AGE\nTF01-C0001-V9,TF01-C9999,TF01,1,130\n");
        Run r = run("import", "--study", study.toString(), "--form", "victim", bad.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.DATA_ERRORS);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("stored").asBoolean()).isFalse();
        assertThat(json.path("counts_by_code").has("out_of_range")).isTrue();
        assertThat(json.path("counts_by_code").has("missing_column")).isTrue();
        JsonNode first = json.path("violations").get(0);
        assertThat(first.has("file")).isTrue();
        assertThat(first.has("row")).isTrue();
        assertThat(first.has("variable")).isTrue();
    }

    @Test
    @Order(6)
    void bad_usage_exits_2_with_a_clear_message() {
        Run r = run("import", "--study", root.resolve("nowhere").toString(), "--form", "case", "x.csv");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no study in").contains("tfeval init");
        Run f = run("import", "--study", study.toString(), "--form", "cases", "x.csv");
        assertThat(f.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(f.err()).contains("unknown form 'cases'");
    }
}
