package org.tfeval.cli.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.cli.Tfeval;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

/** The de-identification workflow from the command line, down to an export the residual scan refuses. */
@ExtendWith(PostgresExtension.class)
class DeidCommandsTest {
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
    void suggest_review_render_approve_release_then_a_new_roster_name_blocks_the_export(ConnectionSettings db)
            throws Exception {
        String url = db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
        String s = dir.resolve("s").toString();
        assertThat(run("init", s, "--db", url).exit()).isZero();
        Path p = dir.resolve("participant.csv");
        Files.writeString(
                p,
                "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n"
                        + "TF01-P1,TF01,7,-7,-7,1,v1,3\n");
        Path i = dir.resolve("interview.csv");
        Files.writeString(
                i,
                "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n"
                        + "TF01-P1-I1,TF01-P1,TF01,2025-03-04,2,R01,p2,45\n");
        assertThat(run("import", "--study", s, "--db", url, "--form", "participant", p.toString())
                        .exit())
                .isZero();
        assertThat(run(
                                "participant",
                                "safety",
                                "--safe-contact",
                                "TF01-P1",
                                "through-advocate",
                                "--study",
                                s,
                                "--db",
                                url)
                        .exit())
                .isZero();
        assertThat(run("participant", "safety", "--referral-list", "TF01", "r1", "--study", s, "--db", url)
                        .exit())
                .isZero();
        assertThat(run("import", "--study", s, "--db", url, "--form", "interview", i.toString())
                        .exit())
                .isZero();
        Run roster = run("deid", "roster", "--add", "Hope House", "--category", "agency", "--study", s, "--db", url);
        assertThat(roster.exit()).as(roster.err()).isZero();
        Path txt = dir.resolve("TF01-P1-I1.txt");
        Files.writeString(
                txt,
                "Interviewer: Where did you go?\nRespondent: Hope House took me in on April 9. The Blue Inn"
                        + " never called back.");
        assertThat(run("transcripts", "import", "--study", s, "--db", url, txt.toString())
                        .exit())
                .isZero();
        Run status = run("deid", "status", "--study", s, "--db", url);
        assertThat(status.out()).containsPattern("TF01-P1-I1 +1 imported +2 ");
        Run review = run("deid", "review", "TF01-P1-I1", "--study", s, "--db", url);
        assertThat(review.exit()).as(review.err()).isZero();
        assertThat(review.out()).contains("agency", "Hope House", "date", "April 9");
        Matcher m = Pattern.compile("(?m)^ +(\\d+) \\[").matcher(review.out());
        StringBuilder ids = new StringBuilder();
        while (m.find()) ids.append(ids.length() == 0 ? "" : ",").append(m.group(1));
        assertThat(run("deid", "review", "--accept", ids.toString(), "--study", s, "--db", url)
                        .exit())
                .isZero();
        int inn = "Interviewer: Where did you go?\nRespondent: Hope House took me in on April 9. The ".length();
        Run add = run(
                "deid",
                "review",
                "TF01-P1-I1",
                "--add",
                "--span",
                inn + "-" + (inn + 8),
                "--category",
                "employer",
                "--study",
                s,
                "--db",
                url);
        assertThat(add.exit()).as(add.err()).isZero();
        Run render = run("deid", "render", "TF01-P1-I1", "--study", s, "--db", url);
        assertThat(render.exit()).as(render.err()).isZero();
        assertThat(render.out()).contains("3 span(s) replaced");
        // the same login cannot approve its own rendering; a second person (here a claimed name) can
        assertThat(run("deid", "approve", "TF01-P1-I1", "--study", s, "--db", url)
                        .exit())
                .isEqualTo(1);
        assertThat(run("deid", "approve", "TF01-P1-I1", "--user", "second-officer", "--study", s, "--db", url)
                        .exit())
                .isZero();
        assertThat(run("deid", "release", "TF01-P1-I1", "--study", s, "--db", url)
                        .exit())
                .isZero();
        Path ok = dir.resolve("ok.qdpx");
        assertThat(run("qual", "export", "--out", ok.toString(), "--study", s, "--db", url)
                        .exit())
                .isZero();
        // the study learns a name the codable text still contains: scan fails and the export is refused
        run("deid", "roster", "--add", "Respondent", "--category", "person", "--study", s, "--db", url);
        Run scan = run("deid", "scan", "TF01-P1-I1", "--study", s, "--db", url);
        assertThat(scan.exit()).isEqualTo(1);
        assertThat(scan.out()).contains("UNREVIEWED");
        Path blocked = dir.resolve("blocked.qdpx");
        Run export = run("qual", "export", "--out", blocked.toString(), "--study", s, "--db", url);
        assertThat(export.exit()).isEqualTo(1);
        assertThat(export.err()).contains("unreviewed");
        assertThat(blocked).doesNotExist();
        Run keymap = run("deid", "keymap", "--study", s, "--db", url);
        assertThat(keymap.out()).contains("[AGENCY-1]", "Hope House", "[EMPLOYER-1]", "Blue Inn");
    }
}
