package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.qual.text.Span;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;

/** A study with two participants, their interviews and codable transcripts of {@link #TEXT}, and a codebook. */
final class QualFixture {
    static final String TEXT = "Interviewer: How do you work with the detectives?\n"
            + "P1: We share every tip the same day. Trust took years.\n"
            + "Interviewer: And funding?\n"
            + "P1: Funding ends next year and the shelter has no beds.";

    static final List<String> INTERVIEWS = List.of("TF01-P1-I1", "TF01-P2-I1");

    private QualFixture() {}

    static Span span(String words) {
        int at = TEXT.indexOf(words);
        if (at < 0) throw new IllegalArgumentException("not in the text: " + words);
        return new Span(at, at + words.length());
    }

    /** The study, with both transcripts imported, declared clean and codable, and codes TRUST, FUNDING, SHELTER. */
    static Study study(Path dir, ConnectionSettings db) throws IOException, SQLException {
        Study s = Study.create(dir.resolve("s"), "ecm", true, InterviewsTest.url(db));
        Path p = dir.resolve("participant.csv");
        Files.writeString(
                p,
                "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n"
                        + "TF01-P1,TF01,3,5,3,1,v1,1\n"
                        + "TF01-P2,TF01,2,5,3,1,v1,1\n");
        Path i = dir.resolve("interview.csv");
        Files.writeString(
                i,
                "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n"
                        + "TF01-P1-I1,TF01-P1,TF01,2025-03-04,1,R01,p2,55\n"
                        + "TF01-P2-I1,TF01-P2,TF01,2025-03-05,3,R02,p2,40\n");
        Path k = dir.resolve("consent.csv");
        Files.writeString(
                k,
                "PARTICIPANT_ID,CONSENT_SEQ,TF_ID,CONSENT_VERSION,CONSENT_DATE,CONSENT_QUOTES,CONSENT_ARCHIVING,"
                        + "CONSENT_RECONTACT,CONSENT_SHARE_TF\n"
                        + "TF01-P1,1,TF01,v1,2025-03-01,1,1,1,1\n"
                        + "TF01-P2,1,TF01,v1,2025-03-01,0,0,1,0\n");
        for (String[] f : List.of(
                new String[] {"participant", p.toString()},
                new String[] {"interview", i.toString()},
                new String[] {"consent", k.toString()})) {
            assertThat(s.importFile(f[0], Path.of(f[1]), "test", "test", ProgressListener.NONE)
                            .stored())
                    .isTrue();
        }
        org.tfeval.study.protect.WithdrawalTest.account(s, "admin", "administrator");
        org.tfeval.study.protect.WithdrawalTest.account(s, "test", "analyst");
        Interviews q = Interviews.of(s);
        Code cat = Code.category("Collaboration", null);
        Codebook book = Codebook.of(List.of(
                cat,
                Code.of("TRUST", cat.guid(), "Trust between agencies"),
                Code.of("FUNDING", null, "Money and its end"),
                Code.of("SHELTER", null, "Beds and housing")));
        Path qdc = dir.resolve("book.qdc");
        Files.write(qdc, Qdc.write(book));
        q.importCodebook(qdc, "test");
        for (String id : INTERVIEWS) {
            Path t = dir.resolve(id + ".txt");
            Files.writeString(t, TEXT, StandardCharsets.UTF_8);
            q.importTranscripts(List.of(t), null, "test");
            Deidentification.of(s).declareClean(id, "test text names nobody", "admin", Role.ADMINISTRATOR);
        }
        return s;
    }
}
