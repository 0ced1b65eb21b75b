package org.tfeval.cli.qual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.cli.Tfeval;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

/** The interview strand from the command line: forms, transcripts, states, export. */
@ExtendWith(PostgresExtension.class)
class QualCommandsTest {
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
    void participants_interviews_and_transcripts_import_and_an_unreviewed_transcript_is_not_exported(
            ConnectionSettings db) throws Exception {
        String url = db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
        String s = dir.resolve("s").toString();
        assertThat(run("init", s, "--db", url).exit()).isZero();
        Path p = dir.resolve("participant.csv");
        Files.writeString(
                p,
                "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n"
                        + "TF01-P1,TF01,2,3,1,1,v1,1\n");
        Path i = dir.resolve("interview.csv");
        Files.writeString(
                i,
                "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n"
                        + "TF01-P1-I1,TF01-P1,TF01,2025-03-04,2,R01,p2,45\n");
        Run fp = run("import", "--study", s, "--db", url, "--form", "participant", p.toString());
        assertThat(fp.exit()).as(fp.err()).isZero();
        assertThat(run("import", "--study", s, "--db", url, "--form", "interview", i.toString())
                        .exit())
                .isZero();
        Path vtt = dir.resolve("TF01-P1-I1.vtt");
        Files.writeString(
                vtt,
                "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>Why other statutes?\n\n"
                        + "00:00:03.500 --> 00:00:09.000\n<v Prosecutor>The trafficking statute needs proof of force.\n");
        Run t = run("transcripts", "import", "--study", s, "--db", url, vtt.toString());
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("TF01-P1-I1 v1").contains("2 turns");
        Run again = run("transcripts", "import", "--study", s, "--db", url, vtt.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("identical");
        Run skip = run("deid", "release", "TF01-P1-I1", "--study", s, "--db", url);
        assertThat(skip.exit()).isEqualTo(1);
        Path out = dir.resolve("p.qdpx");
        assertThat(run("qual", "export", "--out", out.toString(), "--study", s, "--db", url)
                        .exit())
                .isZero();
        assertThat(new String(readEntry(out), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("TextSource");
    }

    private static byte[] readEntry(Path qdpx) throws Exception {
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(qdpx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("project.qde")) return zip.readAllBytes();
            }
        }
        throw new AssertionError("no project.qde");
    }
}
