package org.tfeval.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.Tfeval;
import org.tfeval.instrument.Instrument;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.store.Store;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.snapshot.SnapshotTaker;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.study.StudyFolder;
import org.tfeval.synth.ProgressListener;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;
import picocli.CommandLine;

/** {@code tfeval release} as a user runs it, on a study folder holding a snapshot of the synthetic demo study. */
class ReleaseCommandTest {
    private static Path root;
    private static Path study;
    private static Snapshot snapshot;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Tfeval.configure(new CommandLine(new ReleaseCommand()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void studyWithASnapshot() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "tfeval-release-cli-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        StudyWorkspace ws = StudyWorkspace.init(root.resolve("study"), "ecm", true);
        study = ws.dir();
        Instrument ins = ws.instrument();
        Path data = root.resolve("data");
        StudyGenerator.defaults().withErrors(false).generate(ins, data, ProgressListener.none());
        Store store = Store.open(PostgresExtension.freshDatabase(), "tfeval", ins);
        for (String form : ins.formNames()) {
            assertThat(Importer.of(store)
                            .importFile(form, data.resolve(form + ".csv"))
                            .stored())
                    .isTrue();
        }
        snapshot = SnapshotTaker.of(store)
                .withSynthetic(true)
                .take(study.resolve("snapshots"), StudyValidator.of(store).validate());
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
    void a_restricted_release_found_by_snapshot_id_prefix_writes_the_package_and_exits_0() {
        Path out = root.resolve("restricted");
        Run r = run(
                "--study",
                study.toString(),
                "--snapshot",
                snapshot.id().substring(0, 10),
                "--level",
                "restricted",
                "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("Release package")
                .contains("restricted-use")
                .contains(snapshot.id());
        assertThat(out.resolve("case/case.dta")).exists();
        assertThat(out.resolve("manifest.json")).exists();
    }

    @Test
    void a_public_release_with_raised_limits_reports_the_share_of_suppressed_values() throws Exception {
        Path out = root.resolve("public");
        Files.deleteIfExists(study.resolve(StudyFolder.RELEASE_REGISTER)); // the test's own first public release
        Run r = run(
                "--study",
                study.toString(),
                "--snapshot",
                snapshot.dir().toString(),
                "--level",
                "PUBLIC",
                "--out",
                out.toString(),
                "--max-suppressed-share",
                "0.95",
                "--max-removed-share",
                "0.1",
                "--max-loss",
                "1",
                "--k",
                "11",
                "--l",
                "2");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("generalization (");
        assertThat(r.out()).containsPattern("k = 11, l = 2: \\d+\\.\\d% of quasi-identifier values");
        assertThat(out.resolve("disclosure_report.html")).exists();
    }

    @Test
    void
            a_public_release_at_the_defaults_of_a_study_too_small_for_microdata_gives_aggregate_tables_and_a_second_at_another_k_is_refused()
                    throws Exception {
        Files.deleteIfExists(study.resolve(StudyFolder.RELEASE_REGISTER)); // the test's own first public release
        Path out = root.resolve("tables");
        Run r = run(
                "--study",
                study.toString(),
                "--snapshot",
                snapshot.dir().toString(),
                "--level",
                "public",
                "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("public tier: aggregate tables only");
        assertThat(out.resolve("tables").resolve("index.csv")).exists();
        assertThat(Files.readString(out.resolve("README.txt"))).contains("microdata are restricted-use only");
        Path refused = root.resolve("refused");
        Run second = run(
                "--study",
                study.toString(),
                "--snapshot",
                snapshot.dir().toString(),
                "--level",
                "public",
                "--out",
                refused.toString(),
                "--k",
                "5");
        assertThat(second.exit()).isEqualTo(ExitCodes.DATA_ERRORS);
        assertThat(second.err().strip())
                .startsWith("tfeval release: snapshot ")
                .contains("can be differenced")
                .doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(refused).doesNotExist();
        try (var s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".refused"));
        }
    }

    @Test
    void a_quasi_identifier_not_in_the_instrument_exits_2_with_one_line() {
        Run r = run(
                "--study",
                study.toString(),
                "--snapshot",
                snapshot.dir().toString(),
                "--level",
                "public",
                "--out",
                root.resolve("bad-quasi").toString(),
                "--quasi",
                "V_AGE,V_SHOE_SIZE");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip())
                .isEqualTo(
                        "tfeval release: quasi-identifier V_SHOE_SIZE is not a variable of the instrument ecm "
                                + "(write VARIABLE or form.VARIABLE; forms: task_force, case, victim, suspect, offense, participant, interview, consent)");
        assertThat(root.resolve("bad-quasi")).doesNotExist();
    }

    @Test
    void k_below_2_and_an_unknown_level_exit_2() {
        Run k = run(
                "--study",
                study.toString(),
                "--snapshot",
                snapshot.dir().toString(),
                "--level",
                "public",
                "--out",
                root.resolve("k1").toString(),
                "--k",
                "1");
        assertThat(k.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(k.err()).contains("k must be at least 2");
        Run level = run(
                "--study",
                study.toString(),
                "--snapshot",
                snapshot.dir().toString(),
                "--level",
                "secret",
                "--out",
                root.resolve("secret").toString());
        assertThat(level.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(level.err()).contains("--level must be public or restricted, not 'secret'");
    }

    @Test
    void keep_key_writes_the_key_outside_the_package() throws Exception {
        Path key = root.resolve("keys").resolve("release.key");
        Run r = run(
                "--study",
                study.toString(),
                "--snapshot",
                snapshot.dir().toString(),
                "--level",
                "restricted",
                "--out",
                root.resolve("with-key").toString(),
                "--keep-key",
                key.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(key).strip()).matches("[0-9a-f]{64}");
        assertThat(r.out()).contains("key kept in");
    }

    @Test
    void help_documents_the_exit_codes() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Exit codes:")
                .contains("refused: the disclosure target cannot be met")
                .contains("--keep-key");
    }
}
