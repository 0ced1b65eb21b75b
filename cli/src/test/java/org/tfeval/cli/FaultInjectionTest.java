package org.tfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 13 fault injection: the CLI killed with SIGKILL in the middle of an import, a snapshot and
 * a release (child JVMs), and a disk that fills up. Nothing acknowledged is lost, nothing
 * half-written is visible, and after every fault the sentinel planted in every narrative and
 * task-force name is in no output, message file or server log ({@link Sentinel}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {
    /** How long a child may take to reach the point where it is killed. */
    private static final Duration REACH = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static ConnectionSettings db;
    private static String url;
    private static Path study;
    private static Path data;
    private static String snapshotId;

    @BeforeAll
    static void aStudyWithEverythingButOffenses() throws Exception {
        db = PostgresExtension.freshDatabase();
        url = db.jdbcUrl().replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
        study = dir.resolve("study");
        assertThat(CliTest.run("init", study.toString(), "--instrument", "ecm", "--db", url)
                        .exit())
                .isZero();
        data = dir.resolve("data");
        StudyGenerator.defaults()
                .withCases(800)
                .withSites(5)
                .withErrors(false)
                .generate(
                        org.tfeval.instrument.InstrumentLoader.load(study.resolve("instrument.yaml")),
                        data,
                        org.tfeval.synth.ProgressListener.none());
        Sentinel.plant(data);
        for (String form : List.of("task_force", "case", "victim", "suspect")) {
            CliTest.Run r = CliTest.run(
                    "import",
                    data.resolve(form + ".csv").toString(),
                    "--form",
                    form,
                    "--study",
                    study.toString(),
                    "--db",
                    url);
            assertThat(r.exit()).as(r.err()).isZero();
        }
    }

    @Test
    @Order(1)
    void an_import_killed_mid_transaction_leaves_the_store_as_it_was_and_a_rerun_stores_everything() throws Exception {
        Map<String, List<String>> before = tables();
        Process child = tfeval("import", data.resolve("offense.csv").toString(), "--form", "offense");
        killWhen(child, () -> importRunning());

        assertThat(tables()).isEqualTo(before);
        assertThat(CliTest.run("audit", "verify", "--study", study.toString(), "--db", url)
                        .exit())
                .isZero();
        CliTest.Run rerun = CliTest.run(
                "import",
                data.resolve("offense.csv").toString(),
                "--form",
                "offense",
                "--study",
                study.toString(),
                "--db",
                url);
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        assertThat(count("d_offense"))
                .isEqualTo(Files.readAllLines(data.resolve("offense.csv")).size() - 1L);
        Sentinel.assertAbsent("an import killed mid-transaction", places(), rerun.out(), rerun.err());
    }

    @Test
    @Order(2)
    void a_snapshot_killed_while_writing_leaves_no_snapshot_folder() throws Exception {
        Path snapshots = study.resolve("snapshots");
        Process child = tfeval("snapshot");
        killWhen(child, () -> hiddenEntry(snapshots));

        assertThat(visibleEntries(snapshots)).isEmpty();
        assertThat(count("snapshot")).isZero();
        CliTest.Run list = CliTest.run("snapshot", "list", "--study", study.toString());
        assertThat(list.out()).doesNotContainPattern("[0-9a-f]{12}");
        Sentinel.assertAbsent("a snapshot killed while writing", places(), list.out(), list.err());
    }

    @Test
    @Order(3)
    void a_release_killed_while_writing_leaves_no_release_folder() throws Exception {
        CliTest.Run taken = CliTest.run("snapshot", "--study", study.toString(), "--db", url);
        assertThat(taken.exit()).as(taken.err()).isZero();
        snapshotId = visibleEntries(study.resolve("snapshots")).get(0);
        Path releases = Files.createDirectory(dir.resolve("releases"));
        Path out = releases.resolve("restricted");
        Process child = tfeval("release", "--snapshot", snapshotId, "--level", "restricted", "--out", out.toString());
        killWhen(child, () -> hiddenEntry(releases));

        assertThat(out).doesNotExist();
        assertThat(visibleEntries(releases)).isEmpty();
        CliTest.Run release = CliTest.run(
                "release",
                "--snapshot",
                snapshotId,
                "--level",
                "restricted",
                "--out",
                out.toString(),
                "--study",
                study.toString(),
                "--db",
                url);
        assertThat(release.exit()).as(release.err()).isZero();
        List<Path> searched = new ArrayList<>(places());
        searched.add(releases);
        Sentinel.assertAbsent(
                "a release killed while writing, and the restricted release made after it",
                searched,
                taken.out(),
                taken.err(),
                release.out(),
                release.err());
    }

    @Test
    @Order(4)
    void a_full_disk_fails_an_export_and_a_release_without_leaving_a_partial_file() throws Exception {
        assumeTrue(isRoot(), "mounting a small tmpfs needs root (the tests run as root here and in CI)");
        Path full = Files.createDirectory(dir.resolve("full"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", full.toString())
                .redirectErrorStream(true)
                .start();
        assumeTrue(mount.waitFor() == 0, "this container may not mount a tmpfs");
        try {
            CliTest.Run export = CliTest.run(
                    "export",
                    "--form",
                    "victim",
                    "--out",
                    full.resolve("victim.csv").toString(),
                    "--study",
                    study.toString(),
                    "--db",
                    url);
            assertThat(export.exit()).isNotZero();
            CliTest.Run release = CliTest.run(
                    "release",
                    "--snapshot",
                    snapshotId,
                    "--level",
                    "restricted",
                    "--out",
                    full.resolve("release").toString(),
                    "--study",
                    study.toString(),
                    "--db",
                    url);
            assertThat(release.exit()).isNotZero();
            try (Stream<Path> s = Files.list(full)) {
                assertThat(s.map(p -> p.getFileName().toString())).isEmpty();
            }
            Sentinel.assertAbsent(
                    "a full disk under an export and a release",
                    places(),
                    export.out(),
                    export.err(),
                    release.out(),
                    release.err());
        } finally {
            new ProcessBuilder("umount", "--lazy", full.toString()).start().waitFor();
        }
    }

    /** Where the sentinel search looks after a fault: the study folder and the last child's output. */
    private static List<Path> places() {
        return List.of(study, dir.resolve("child.log"));
    }

    private static Process tfeval(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Tfeval.class.getName()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--study", study.toString(), "--db", url));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    /** Kills the child with SIGKILL as soon as {@code reached} holds; fails if it ended before. */
    private static void killWhen(Process child, BooleanSupplier reached) throws Exception {
        Instant deadline = Instant.now().plus(REACH);
        try {
            while (!reached.getAsBoolean()) {
                assertThat(child.isAlive())
                        .as("the child ended before the fault point: %s", Files.readString(dir.resolve("child.log")))
                        .isTrue();
                assertThat(Instant.now()).isBefore(deadline);
                Thread.sleep(2);
            }
            child.destroyForcibly();
            assertThat(child.waitFor()).as("killed by SIGKILL").isEqualTo(137);
        } finally {
            child.destroyForcibly();
        }
    }

    private static boolean importRunning() {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
                                + " AND query ~* '(INSERT|COPY|UPDATE)'")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hiddenEntry(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("."));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<String> visibleEntries(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .toList();
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM tfeval." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every table's rows, as text, sorted. */
    private static Map<String, List<String>> tables() throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            for (String t : names) {
                List<String> list = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + t + " t")) {
                    while (rs.next()) list.add(rs.getString(1));
                }
                list.sort(null);
                rows.put(t, list);
            }
        }
        return rows;
    }

    private static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
