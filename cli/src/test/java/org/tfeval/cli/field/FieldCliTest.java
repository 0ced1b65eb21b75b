package org.tfeval.cli.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.cli.Tfeval;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.study.accounts.LockoutPolicy;
import org.tfeval.study.accounts.PasswordHasher;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.transaction.Transactions;
import org.tfeval.testkit.PostgresExtension;
import picocli.CommandLine;

/**
 * Issue 15: tfeval field checkout, devices, checkin (twice), renew, revoke (then renew and serve
 * with the study refused), conflicts as a coordinator runs them.
 */
@ExtendWith(PostgresExtension.class)
class FieldCliTest {
    @TempDir
    Path dir;

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

    @Test
    void a_package_is_checked_out_checked_in_once_and_refused_after_revocation(ConnectionSettings db) throws Exception {
        String url = db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
        Path study = dir.resolve("study");
        assertThat(run("init", study.toString(), "--db", url).exit()).isZero();
        Run g = run(
                "generate", "--study", study.toString(), "--db", url, "--cases", "8", "--sites", "2", "--seed", "3");
        assertThat(g.exit()).as(g.err()).isZero();
        String site;
        try (Study s = Study.open(study, url);
                Transactions tx = Transactions.open(s, 2)) {
            site = Files.readAllLines(s.folder().syntheticFiles().resolve("task_force.csv"))
                    .get(1)
                    .split(",")[0];
            new Accounts(tx, PasswordHasher.defaults().withCost(64, 1), new LockoutPolicy(5, Duration.ofMinutes(5)))
                    .create("test", "coder-x", Role.CODER, Set.of(site), "correct horse battery staple");
        }
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "laptop passphrase 2026\n", StandardCharsets.UTF_8);
        Path pkg = dir.resolve("x.tfpkg");
        List<String> common = List.of("--study", study.toString(), "--db", url, "--passphrase-file", pass.toString());

        java.util.function.Function<String, Run> checkout = hours -> run(args(
                common,
                "field",
                "checkout",
                "--site",
                site,
                "--coder",
                "coder-x",
                "--out",
                pkg.toString(),
                "--lease-hours",
                hours));
        Run tooLong = checkout.apply("337");
        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(tooLong.err()).contains("--lease-hours must be 1 to 336 hours (14 days)");
        assertThat(pkg).doesNotExist();

        Instant before = Instant.now();
        Run out = checkout.apply("24");
        assertThat(out.exit()).as(out.err()).isZero();
        Instant lease = Instant.parse(out.out().replaceAll("(?s).*lease until (\\S+); expires.*", "$1"));
        assertThat(lease)
                .as("--lease-hours is given to the package")
                .isBetween(
                        before.plus(Duration.ofHours(24)).minusSeconds(1),
                        Instant.now().plus(Duration.ofHours(24)));
        assertThat(out.out()).contains("device").contains("coder-x");
        assertThat(Files.size(pkg)).isPositive();

        Run devices = run("field", "devices", "--study", study.toString(), "--db", url);
        assertThat(devices.out()).contains(site).contains("coder-x").contains("active");
        String device = devices.out().lines().skip(1).findFirst().orElseThrow().split("\t")[0];

        Run in = run(args(common, "field", "checkin", pkg.toString()));
        assertThat(in.exit()).as(in.err()).isZero();
        assertThat(in.out()).contains("Nothing new");

        Run renew = run(args(common, "field", "renew", pkg.toString(), "--lease-hours", "48"));
        assertThat(renew.exit()).as(renew.err()).isZero();
        assertThat(renew.out()).contains("Renewed device " + device).contains("lease until");
        Run noReason = run(args(common, "field", "checkin", pkg.toString(), "--accept-expired"));
        assertThat(noReason.exit()).as("--accept-expired without a reason").isEqualTo(2);

        Run revoke = run("field", "revoke", device, "--reason", "lost", "--study", study.toString(), "--db", url);
        assertThat(revoke.exit()).isZero();
        Run renewRevoked = run(args(common, "field", "renew", pkg.toString()));
        assertThat(renewRevoked.exit()).isEqualTo(1);
        assertThat(renewRevoked.err()).contains("revoked");
        Run serveRevoked = run(
                "field",
                "serve",
                pkg.toString(),
                "--passphrase-file",
                pass.toString(),
                "--study",
                study.toString(),
                "--db",
                url,
                "--port",
                "0");
        assertThat(serveRevoked.exit())
                .as("serve reaching the study refuses a revoked device")
                .isEqualTo(1);
        assertThat(serveRevoked.err()).contains("revoked");
        Run refused = run(args(common, "field", "checkin", pkg.toString()));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("revoked");

        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "not the passphrase at all\n", StandardCharsets.UTF_8);
        Run badPass = run("field", "serve", pkg.toString(), "--passphrase-file", wrong.toString());
        assertThat(badPass.exit()).isEqualTo(1);
        assertThat(badPass.err()).contains("wrong passphrase");

        Run conflicts = run("field", "conflicts", "--study", study.toString(), "--db", url);
        assertThat(conflicts.exit()).isZero();
        assertThat(conflicts.out().lines().count()).isEqualTo(1);
    }

    private static String[] args(List<String> common, String... head) {
        List<String> all = new java.util.ArrayList<>(List.of(head));
        all.addAll(common);
        return all.toArray(String[]::new);
    }
}
