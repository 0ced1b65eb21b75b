package org.tfeval.cli.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.cli.Tfeval;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

/**
 * The CLI routes to a survivor's words, attacked: a login that is no account with survivor access, even
 * claiming a granted analyst's name with --user, neither shows nor exports the survivor transcript. Then
 * the survivor is removed from the command line.
 */
@ExtendWith(PostgresExtension.class)
class ParticipantCommandsTest {
    private static final String SURVIVOR_WORDS = "the blue door behind the laundromat";

    record Run(int exit, String out, String err) {}

    @TempDir
    Path dir;

    static Run run(String... args) {
        var cl = Tfeval.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_claimed_name_reads_no_survivor_transcript_and_a_removal_deletes_it(ConnectionSettings db) throws Exception {
        String url = db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
        String s = dir.resolve("s").toString();
        assertThat(run("init", s, "--db", url).exit()).isZero();
        write(
                "participant.csv",
                "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n"
                        + "TF01-P1,TF01,2,3,1,1,v1,1\nTF01-P2,TF01,7,-7,-7,1,v1,3\n");
        write(
                "interview.csv",
                "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n"
                        + "TF01-P1-I1,TF01-P1,TF01,2025-03-04,2,R01,p2,45\nTF01-P2-I1,TF01-P2,TF01,2025-03-05,1,R01,p2,45\n");
        write(
                "consent.csv",
                "PARTICIPANT_ID,CONSENT_SEQ,TF_ID,CONSENT_VERSION,CONSENT_DATE,CONSENT_QUOTES,CONSENT_ARCHIVING,"
                        + "CONSENT_RECONTACT,CONSENT_SHARE_TF\n"
                        + "TF01-P1,1,TF01,v1,2025-03-01,1,1,1,1\nTF01-P2,1,TF01,v1,2025-03-01,1,1,1,1\n");
        for (String form : new String[] {"participant", "interview", "consent"}) {
            Run r = run(
                    "import",
                    "--study",
                    s,
                    "--db",
                    url,
                    "--form",
                    form,
                    dir.resolve(form + ".csv").toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        Path p1 = write("TF01-P1-I1.txt", "Interviewer: And?\nRespondent: We charge other statutes.\n");
        Path p2 = write("TF01-P2-I1.txt", "Interviewer: And?\nRespondent: I remember " + SURVIVOR_WORDS + ".\n");
        assertThat(run("transcripts", "import", "--study", s, "--db", url, p1.toString(), p2.toString())
                        .exit())
                .isZero();
        for (String id : new String[] {"TF01-P1-I1", "TF01-P2-I1"}) {
            // nothing in these lines is an identifier: the administrator's audited override makes them codable
            Run clean =
                    run("deid", "clean", id, "--reason", "test lines without identifiers", "--study", s, "--db", url);
            assertThat(clean.exit()).as(clean.err()).isZero();
        }
        // the attack: the CLI login is no account with survivor access; claiming one with --user does not help
        Run show = run("transcripts", "show", "TF01-P2-I1", "--user", "dana", "--study", s, "--db", url);
        assertThat(show.exit()).isEqualTo(2);
        assertThat(show.err()).contains("Not found");
        assertThat(show.out() + show.err()).doesNotContain(SURVIVOR_WORDS);
        Path out = dir.resolve("p.qdpx");
        Run export = run("qual", "export", "--out", out.toString(), "--user", "dana", "--study", s, "--db", url);
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("1 transcripts").contains("left out 1 beyond the login's access");
        assertThat(entries(out)).doesNotContain(SURVIVOR_WORDS).contains("We charge other statutes");
        // a professional's transcript is shown to the operator
        assertThat(run("transcripts", "show", "TF01-P1-I1", "--study", s, "--db", url)
                        .out())
                .contains("We charge other statutes");

        Run w = run(
                "participant",
                "withdraw",
                "TF01-P2",
                "--level",
                "remove",
                "--reason",
                "asked in writing",
                "--study",
                s,
                "--db",
                url);
        assertThat(w.exit()).as(w.err()).isZero();
        assertThat(w.out()).contains("deleted 1 from qual_transcript").contains("data key destroyed");
        Run bad = run(
                "participant", "withdraw", "TF01-P1", "--level", "forget", "--reason", "x", "--study", s, "--db", url);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("s/keys/withdrawals"))).contains("remove\tTF01-P2");
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static String entries(Path zip) throws Exception {
        StringBuilder b = new StringBuilder();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                b.append(new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }
}
