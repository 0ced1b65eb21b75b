package org.tfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;
import picocli.CommandLine;

/** Issue 13 through the commands: no free text in any output, a claimed --user, escaped audit log, a privileged move (refusals performed), keyed audit. */
@ExtendWith(PostgresExtension.class)
class HardeningCliTest {
    private static final String SENTINEL = Sentinel.TEXT;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Tfeval.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Runs a move with extra arguments, asserts it was refused with {@code exit}, and returns the run. */
    private static Run assertMoveRefused(String[] move, int exit, String... extra) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(move), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        Run r = run(args);
        assertThat(r.exit()).as(r.all()).isEqualTo(exit);
        assertThat(r.out()).doesNotContain("Moved");
        return r;
    }

    private static Path exportCases(String study, String url, Path out) throws Exception {
        Files.deleteIfExists(out);
        Run r = run("export", "--study", study, "--db", url, "--form", "case", "--out", out.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        return out;
    }

    @Test
    void faults_leak_no_free_text_the_actor_is_a_claim_the_log_is_escaped_and_a_move_is_audited(ConnectionSettings db)
            throws Exception {
        String url = db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
        String study = dir.resolve("s").toString();
        assertThat(run("init", study, "--db", url).exit()).isZero();
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("s").resolve("audit.key"))))
                .isEqualTo("rw-------");
        Run generated = run(
                "generate",
                "--study",
                study,
                "--db",
                url,
                "--cases",
                "12",
                "--sites",
                "2",
                "--seed",
                "3",
                "--user",
                "mallory\u001b[2J\nforged line");
        assertThat(generated.exit()).as(generated.all()).isZero();

        String header = "CASE_ID,TF_ID,NARRATIVE,N_AGENCIES";
        String[] faults = {
            "TFA-C1,TFA,\"" + SENTINEL + "\",3\n",
            header + "\n\"" + SENTINEL + "\",TFA-C1,TFA,\"" + SENTINEL + "\"\n",
            header + "\nTFA-C1,TFA,\"" + SENTINEL + "\u0000\",3\n",
            header + "\nTFA-C1,TFA,\"" + SENTINEL + "\",3000000000\n",
            header + "\nTFA-C1,TFA,\"" + SENTINEL + "\"\n"
        };
        int i = 0;
        StringBuilder outputs = new StringBuilder();
        for (String fault : faults) {
            Path f = file("fault" + i++ + ".csv", fault);
            for (String format : new String[] {"text", "json"}) {
                Run r = run(
                        "import", "--study", study, "--db", url, "--form", "case", f.toString(), "--format", format);
                assertThat(r.exit()).as(r.all()).isEqualTo(1);
                assertThat(r.all()).doesNotContain("SENTINEL");
                outputs.append(r.all());
            }
        }
        Run validate = run("validate", "--study", study, "--db", url, "--format", "json");
        Sentinel.assertAbsent(
                "the bad-input imports (no header, shifted columns, NUL, out of range, short row) and a validation",
                List.of(dir.resolve("s")),
                outputs,
                validate.out(),
                validate.err());

        Run log = run("audit", "log", "--study", study, "--db", url);
        assertThat(log.exit()).isZero();
        assertThat(log.out())
                .contains("mallory\\u001b[2J\\u000aforged line (claimed by login " + System.getProperty("user.name"))
                .doesNotContain("\u001b");
        assertThat(log.out().lines().toList())
                .as("every line is an event: the stored newline did not forge one")
                .allSatisfy(l -> assertThat(l).containsPattern("^\\s+\\d+  "));

        Path cases = dir.resolve("case.csv");
        Path tfs = dir.resolve("tf.csv");
        assertThat(run("export", "--study", study, "--db", url, "--form", "case", "--out", cases.toString())
                        .exit())
                .isZero();
        assertThat(run("export", "--study", study, "--db", url, "--form", "task_force", "--out", tfs.toString())
                        .exit())
                .isZero();
        String firstLine = Files.readAllLines(cases).get(1);
        String[] firstCase = firstLine.split(",");
        String otherTf = Files.readAllLines(tfs).stream()
                .skip(1)
                .map(l -> l.split(",")[0])
                .filter(t -> !t.equals(firstCase[1]))
                .findFirst()
                .orElseThrow();
        String[] moveArgs = {
            "move", "--study", study, "--db", url, "--form", "case", "--id", firstCase[0], "--to-parent", otherTf
        };
        assertMoveRefused(moveArgs, 2, "--reason", "oops");
        Path key = dir.resolve("s").resolve("audit.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
        assertMoveRefused(moveArgs, 1, "--reason", "filed under the wrong task force");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path foreignKey = dir.resolve("other.key");
        Files.writeString(foreignKey, "0123456789abcdef".repeat(4) + "\n");
        Files.setPosixFilePermissions(foreignKey, PosixFilePermissions.fromString("rw-------"));
        assertMoveRefused(
                moveArgs, 1, "--reason", "filed under the wrong task force", "--audit-key", foreignKey.toString());
        if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0) {
            // root is not the owner of a folder another user owns: performed by giving the folder away
            Object owner = Files.getAttribute(dir.resolve("s"), "unix:uid");
            Files.setAttribute(dir.resolve("s"), "unix:uid", 65534);
            try {
                Run notOwner = assertMoveRefused(moveArgs, 1, "--reason", "filed under the wrong task force");
                assertThat(notOwner.err()).contains("only the study folder's owner");
            } finally {
                Files.setAttribute(dir.resolve("s"), "unix:uid", owner);
            }
        }
        assertThat(Files.readAllLines(exportCases(study, url, cases)).get(1))
                .as("no refused move changed the case")
                .isEqualTo(firstLine);

        Path external = dir.resolve("operator").resolve("anchor.log"); // the operator's place, named by a flag
        Run move = run(
                "move",
                "--user",
                "mallory",
                "--study",
                study,
                "--db",
                url,
                "--form",
                "case",
                "--id",
                firstCase[0],
                "--to-parent",
                otherTf,
                "--reason",
                "filed under the wrong task force",
                "--audit-anchor",
                external.toString());
        assertThat(move.exit()).as(move.all()).isZero();
        assertThat(move.out()).contains("Moved case " + firstCase[0] + " under " + otherTf);
        assertThat(run("audit", "log", "--study", study, "--db", url).out())
                .contains("move")
                .contains("mallory (claimed by " + System.getProperty("user.name") + " (OS user, uid ");

        Run verify = run("audit", "verify", "--study", study, "--db", url);
        assertThat(verify.exit()).as(verify.all()).isZero();
        assertThat(Files.readString(dir.resolve("s").resolve("audit-anchor.log"))
                        .lines()
                        .count())
                .isGreaterThan(1);

        // the operator's anchor got the move's event; editing it there is seen when verified with it
        List<String> anchored = Files.readAllLines(external).stream()
                .filter(l -> l.matches("[0-9]+ [0-9a-f]{64}"))
                .toList();
        assertThat(anchored).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(external)))
                .isEqualTo("rw-------");
        assertThat(run("audit", "verify", "--study", study, "--db", url, "--audit-anchor", external.toString())
                        .exit())
                .isZero();
        String seq = anchored.get(0).split(" ")[0];
        Files.writeString(external, seq + " " + "0".repeat(64) + "\n", java.nio.file.StandardOpenOption.APPEND);
        Run tampered = run("audit", "verify", "--study", study, "--db", url, "--audit-anchor", external.toString());
        assertThat(tampered.exit()).as(tampered.all()).isNotZero();
        assertThat(tampered.all()).contains("event " + seq);
    }
}
