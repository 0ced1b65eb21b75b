package org.tfeval.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {
    /** How long a dead owner's server may keep running: the watchdog polls twice a second, a fast shutdown takes less. */
    private static final Duration ORPHAN_BOUND = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    /** Issue 13 item 13: root with the study under a 0700 folder (a container's /root, mktemp -d) got exit 3. */
    @Test
    void root_runs_the_server_under_a_folder_other_users_cannot_traverse_as_the_dedicated_account() throws Exception {
        assumeTrue(OwnerOnly.currentUid() == 0, "this behaviour is root's: the tests run as root here and in CI");
        Path closed = tmp.resolve("closed");
        Files.createDirectories(closed);
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Path db = closed.resolve("study/db");

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(db, EmbeddedPostgres.Durability.THROWAWAY);
                Connection c = pg.settings().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('data_directory')")) {
            assertThat(rs.next()).isTrue();
            long postmaster = Long.parseLong(
                    Files.readAllLines(db.resolve("data/postmaster.pid")).get(0).strip());
            assertThat(ownerName(db.resolve("data"))).isEqualTo(ServerAccount.DEDICATED_NAME);
            assertThat(Files.getPosixFilePermissions(db.resolve("data")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(ownerName(db.resolve("password"))).isEqualTo("root");
            assertThat(Files.getPosixFilePermissions(db.resolve("password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            List<String> status = Files.readAllLines(Path.of("/proc/" + postmaster + "/status"));
            String uid = status.stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .findFirst()
                    .orElseThrow();
            int expected = (Integer) Files.getAttribute(db.resolve("data"), "unix:uid");
            assertThat(uid.split("\\s+")[1])
                    .isEqualTo(Integer.toString(expected))
                    .isNotEqualTo("0");
            assertThat(uid.split("\\s+")[1]).isNotEqualTo("65534"); // not nobody
            String capabilities = status.stream()
                    .filter(l -> l.startsWith("CapEff:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(capabilities.split("\\s+")[1]).isEqualTo("0000000000000004"); // CAP_DAC_READ_SEARCH only
        }
        assertThat(Files.getPosixFilePermissions(closed)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    /** Issue 13 item 12: after kill -9 of serve the embedded PostgreSQL kept running. */
    @Test
    void the_server_stops_when_the_jvm_that_started_it_is_killed() throws Exception {
        Path db = tmp.resolve("db");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServeUntilKilled.class.getName(),
                        db.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("ready");
            long postmaster = Long.parseLong(
                    Files.readAllLines(db.resolve("data/postmaster.pid")).get(0).strip());
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            child.waitFor();

            Instant deadline = Instant.now().plus(ORPHAN_BOUND);
            while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                    .as("postmaster %d still running %s after its owner was killed", postmaster, ORPHAN_BOUND)
                    .isFalse();
        } finally {
            child.destroyForcibly();
        }
    }

    private static String ownerName(Path p) throws Exception {
        return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
    }
}
