package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.qual.refi.Qdpx;
import org.tfeval.qual.text.Span;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.testkit.PostgresExtension;

/** The interview strand on a real study database: forms, transcripts, states, coding, remap, rounds, export. */
@ExtendWith(PostgresExtension.class)
class InterviewsTest {
    private static final String TEXT = "Interviewer: How do you work with the detectives?\n"
            + "P1: We share every tip the same day. Trust took years.\n"
            + "Interviewer: And funding?\n"
            + "P1: Funding ends next year and the shelter has no beds.";

    @TempDir
    Path dir;

    static String url(ConnectionSettings db) {
        return db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
    }

    private Study study(ConnectionSettings db) throws IOException, SQLException {
        Study s = Study.create(dir.resolve("s"), "ecm", true, url(db));
        Path p = dir.resolve("participant.csv");
        Files.writeString(
                p,
                "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n"
                        + "TF01-P1,TF01,3,5,3,1,v1,1\n"
                        + "TF01-P2,TF01,6,-7,-7,1,v1,3\n");
        Path i = dir.resolve("interview.csv");
        Files.writeString(
                i,
                "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n"
                        + "TF01-P1-I1,TF01-P1,TF01,2025-03-04,1,R01,p2,55\n"
                        + "TF01-P2-I1,TF01-P2,TF01,2025-03-05,3,R02,p2,40\n");
        assertThat(s.importFile("participant", p, "test", "test", ProgressListener.NONE)
                        .stored())
                .isTrue();
        org.tfeval.study.protect.InterviewSafety.of(s)
                .recordSafeContact(
                        "TF01-P2", org.tfeval.study.protect.InterviewSafety.ContactMethod.THROUGH_ADVOCATE, "test");
        org.tfeval.study.protect.InterviewSafety.of(s).recordReferralList("TF01", "r1", "test");
        assertThat(s.importFile("interview", i, "test", "test", ProgressListener.NONE)
                        .stored())
                .isTrue();
        Path k = dir.resolve("consent.csv");
        Files.writeString(
                k,
                "PARTICIPANT_ID,CONSENT_SEQ,TF_ID,CONSENT_VERSION,CONSENT_DATE,CONSENT_QUOTES,CONSENT_ARCHIVING,"
                        + "CONSENT_RECONTACT,CONSENT_SHARE_TF\n"
                        + "TF01-P1,1,TF01,v1,2025-03-01,1,1,1,1\n"
                        + "TF01-P2,1,TF01,v1,2025-03-01,1,0,1,0\n");
        assertThat(s.importFile("consent", k, "test", "test", ProgressListener.NONE)
                        .stored())
                .isTrue();
        // "test" is a designated analyst: it reads the survivor's transcript too
        org.tfeval.study.protect.WithdrawalTest.account(s, "admin", "administrator");
        org.tfeval.study.protect.WithdrawalTest.account(s, "test", "analyst");
        org.tfeval.study.protect.TranscriptAccess.of(s).grantSurvivorAccess("test", "admin");
        return s;
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static void codebook(Interviews q, Path dir) throws IOException {
        Code cat = Code.category("Collaboration", null);
        Codebook book = Codebook.of(List.of(
                cat,
                Code.of("TRUST", cat.guid(), "Trust between agencies"),
                Code.of("FUNDING", null, "Money and its end")));
        Path qdc = dir.resolve("book.qdc");
        Files.write(qdc, Qdc.write(book));
        q.importCodebook(qdc, "test");
    }

    private static Span span(String words) {
        int at = TEXT.indexOf(words);
        return new Span(at, at + words.length());
    }

    @Test
    void a_transcript_is_coded_only_once_codable_and_its_text_is_then_frozen(ConnectionSettings db) throws Exception {
        try (Study s = study(db)) {
            Interviews q = Interviews.of(s);
            codebook(q, dir);
            List<Interviews.Imported> in = q.importTranscripts(List.of(file("TF01-P1-I1.txt", TEXT)), null, "test");
            assertThat(in.get(0).turns()).isEqualTo(4);
            assertThatThrownBy(() -> q.code("TF01-P1-I1", span("Trust took years."), "TRUST", "c1", null))
                    .isInstanceOf(Problem.Refused.class);
            Deidentification.of(s).declareClean("TF01-P1-I1", "test text names nobody", "admin", Role.ADMINISTRATOR);
            assertThatThrownBy(() -> q.code("TF01-P1-I1", span("Trust took years."), "Collaboration", "c1", null))
                    .isInstanceOf(Problem.Refused.class);
            q.code("TF01-P1-I1", span("Trust took years."), "TRUST", "c1", null);
            q.code("TF01-P1-I1", span("Funding ends next year"), "FUNDING", "c1", null);
            // the attack: rewrite the words of a codable transcript behind the application's back
            try (Connection c = s.store().connect();
                    Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE qual_transcript SET text = 'changed'"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("immutable");
            }
            // a correction is a new version: the untouched segment moves, the edited one goes to review
            String corrected = TEXT.replace("We share every tip", "We always share each tip")
                    .replace("Funding ends next year", "Funding ends in 2026");
            Interviews.Imported v2 = q.importTranscripts(
                            List.of(file("TF01-P1-I1_corrected.txt", corrected)), null, "test")
                    .get(0);
            assertThat(v2.version()).isEqualTo(2);
            Deidentification.Rendered r2 = Deidentification.of(s)
                    .declareClean("TF01-P1-I1", "test text names nobody", "admin", Role.ADMINISTRATOR);
            assertThat(r2.moved()).isEqualTo(1);
            assertThat(r2.toReview()).isEqualTo(1);
        }
    }

    @Test
    void a_round_gives_figures_and_the_project_exports_valid_and_reimports(ConnectionSettings db) throws Exception {
        try (Study s = study(db)) {
            Interviews q = Interviews.of(s);
            codebook(q, dir);
            q.importTranscripts(List.of(file("TF01-P1-I1.txt", TEXT), file("TF01-P2-I1.txt", TEXT)), null, "test");
            for (String id : List.of("TF01-P1-I1", "TF01-P2-I1")) {
                Deidentification.of(s).declareClean(id, "test text names nobody", "admin", Role.ADMINISTRATOR);
            }
            int round = q.openRound(List.of("TF01-P1-I1", "TF01-P2-I1"), List.of("c1", "c2"), "test");
            for (String id : List.of("TF01-P1-I1", "TF01-P2-I1")) {
                q.code(id, span("Trust took years."), "TRUST", "c1", round);
                q.code(id, span("Trust took years."), "TRUST", "c2", round);
                q.code(id, span("Funding ends next year"), "FUNDING", "c1", round);
            }
            ReliabilityRound.Figures f =
                    q.agreement(round, ReliabilityRound.standard().withReplicates(50));
            assertThat(f.codes()).extracting(ReliabilityRound.CodeFigures::code).containsExactly("FUNDING", "TRUST");
            assertThat(f.codes().get(1).kappa().value()).isEqualTo(1.0);
            assertThat(f.codes().get(0).kappa().value()).isLessThan(0.5);
            // consensus coding (outside the round) feeds the matrix
            q.code("TF01-P1-I1", span("Trust took years."), "TRUST", "c1", null);
            q.code("TF01-P2-I1", span("Trust took years."), "TRUST", "c1", null);
            ThemeMatrix.Result restricted = q.matrix(Interviews.Rows.GROUP, null, ThemeMatrix.Audience.RESTRICTED);
            assertThat(restricted.rows())
                    .containsExactly("Survivor who dealt with the task force", "Victim service provider");
            assertThat(restricted.cells()[0][0]).isEqualTo(new ThemeMatrix.Cell(1, 1, 1, false));
            ThemeMatrix.Result published = q.matrix(Interviews.Rows.GROUP, "TF01", ThemeMatrix.Audience.PUBLISHED);
            assertThat(published.cells()[0][0].withheld()).isTrue();
            assertThatThrownBy(() -> q.matrix(Interviews.Rows.PARTICIPANT, null, ThemeMatrix.Audience.PUBLISHED))
                    .isInstanceOf(Problem.Refused.class);
            Path out = dir.resolve("p.qdpx");
            q.exportProject(out, "test");
            Qdpx.Imported back = Qdpx.read(out);
            assertThat(back.project().sources()).hasSize(2);
            // participants travel as cases with their group and site
            assertThat(back.project().cases())
                    .extracting(c -> c.name() + " " + c.variables())
                    .containsExactly(
                            "TF01-P1 {Stakeholder group=Victim service provider, Task force=TF01}",
                            "TF01-P2 {Stakeholder group=Survivor who dealt with the task force, Task force=TF01}");
            // three blind codings of the round and one consensus coding
            assertThat(back.project().sources().get(0).selections()).hasSize(4);
            Path again = dir.resolve("again.qdpx");
            assertThat(q.importProject(out, "test")).isEmpty();
            q.exportProject(again, "test");
            // the same project; only the per-recipient mark (its export ID) differs
            Qdpx.Imported second = Qdpx.read(again);
            assertThat(second.project().sources()).isEqualTo(back.project().sources());
            assertThat(second.project().codes()).isEqualTo(back.project().codes());
            assertThat(second.project().name()).isNotEqualTo(back.project().name());
        }
    }

    @Test
    void a_transcript_for_an_unknown_interview_is_refused(ConnectionSettings db) throws Exception {
        try (Study s = study(db)) {
            Interviews q = Interviews.of(s);
            Path f = file("TF09-P1-I1.txt", TEXT);
            assertThatThrownBy(() -> q.importTranscripts(List.of(f), null, "test"))
                    .isInstanceOf(Problem.Usage.class)
                    .hasMessageContaining("not in the interview form");
            assertThatThrownBy(() -> q.importTranscripts(List.of(file("notes.txt", TEXT)), null, "test"))
                    .isInstanceOf(Problem.Usage.class);
        }
    }
}
