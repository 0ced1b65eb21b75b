package org.tfeval.cli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.Tfeval;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

/** {@code tfeval access ...} end to end: apply, decide, issue, list, trace a leaked CSV, refusals as exit codes. */
@ExtendWith(PostgresExtension.class)
class AccessCommandsTest {
    record Run(int exit, String out, String err) {}

    @TempDir
    Path dir;

    static Run run(List<String> args) {
        var cl = Tfeval.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_steward_applies_approves_issues_and_traces_a_leaked_csv_and_a_denied_access_exits_1(ConnectionSettings db)
            throws Exception {
        String url = db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
        Path study = dir.resolve("s");
        List<String> at = List.of("--study", study.toString(), "--db", url);
        assertThat(run(List.of("init", study.toString(), "--db", url)).exit()).isZero();
        Run g = run(with(List.of("generate", "--cases", "12", "--sites", "2", "--seed", "7"), at));
        assertThat(g.exit()).as(g.err()).isZero();
        Run sn = run(with(List.of("snapshot"), at));
        assertThat(sn.exit()).as(sn.err()).isZero();
        Path snapshot;
        try (Stream<Path> s = Files.list(study.resolve("snapshots"))) {
            snapshot = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path agreement = Files.writeString(dir.resolve("dua.pdf"), "signed");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> apply = List.of(
                "access",
                "apply",
                "--applicant",
                "Ada Analyst",
                "--email",
                "ada@example.org",
                "--institution",
                "University A",
                "--purpose",
                "Secondary analysis",
                "--irb",
                "exemption",
                "--irb-reference",
                "EX-1",
                "--irb-date",
                "2026-01-10",
                "--security-plan",
                "Encrypted disk",
                "--agreement",
                agreement.toString(),
                "--signed",
                today);
        Run a = run(with(apply, at));
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("Application 1 recorded");
        assertThat(run(with(apply, at)).out()).contains("Application 2 recorded");

        Run due = run(with(List.of("access", "list", "--due"), at));
        assertThat(due.exit()).isZero();
        assertThat(due.out()).contains("waiting for the steward's decision");

        Run d = run(with(List.of("access", "decide", "1", "approve", "--reason", "complete"), at));
        assertThat(d.exit()).as(d.err()).isZero();
        assertThat(d.out()).contains("approved");
        assertThat(run(with(List.of("access", "decide", "2", "deny", "--reason", "no plan"), at))
                        .exit())
                .isZero();

        Run refused = run(with(List.of("access", "issue", "2", "--snapshot", snapshot.toString()), at));
        assertThat(refused.exit()).isEqualTo(ExitCodes.DATA_ERRORS);
        assertThat(refused.err()).contains("denied");

        Path pkg = dir.resolve("pkg");
        Run i = run(
                with(List.of("access", "issue", "1", "--snapshot", snapshot.toString(), "--out", pkg.toString()), at));
        assertThat(i.exit()).as(i.err()).isZero();
        String issueId = i.out().lines().findFirst().orElseThrow().split(" ")[1];
        assertThat(issueId).startsWith("ISS-");

        Path leaked;
        try (Stream<Path> s = Files.walk(pkg.resolve("victim"))) {
            leaked = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        Path alone = Files.copy(leaked, dir.resolve("found-on-a-forum.csv"));
        Run t = run(with(List.of("access", "trace", alone.toString()), at));
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("Traced to issue " + issueId + ": Ada Analyst, University A");

        Path unrelated = Files.writeString(dir.resolve("unrelated.csv"), "A,B\n0123456789abcdef,1\n");
        Run none = run(with(List.of("access", "trace", unrelated.toString()), at));
        assertThat(none.exit()).isEqualTo(ExitCodes.DATA_ERRORS);
        assertThat(none.err()).contains("matches no issued package");

        Run log = run(with(List.of("access", "list", "--transfers"), at));
        assertThat(log.out()).contains(issueId).contains("1 package(s) issued");
        Run audit = run(with(List.of("audit", "verify"), at));
        assertThat(audit.exit()).as(audit.out() + audit.err()).isZero();
    }

    private static List<String> with(List<String> command, List<String> options) {
        List<String> out = new ArrayList<>(command);
        out.addAll(options);
        return out;
    }
}
