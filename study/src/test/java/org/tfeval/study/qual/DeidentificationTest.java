package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.deid.Category;
import org.tfeval.qual.deid.Origin;
import org.tfeval.qual.deid.ResidualScan;
import org.tfeval.qual.deid.Status;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.qual.text.Span;
import org.tfeval.qual.transcript.TranscriptState;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.protect.ParticipantKeys;
import org.tfeval.testkit.PostgresExtension;

/** The de-identification workflow on a real study: words at rest, review, tokens, gates, audit, attacks. */
@ExtendWith(PostgresExtension.class)
class DeidentificationTest {
    private static final Role OFFICER = Role.PRIVACY_OFFICER;

    private static final String VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>Who helped you?\n\n"
            + "00:00:03.500 --> 00:00:09.000\n<v Rosa Diaz>Hope House did. I called them at 555-010-2222 on"
            + " May 4 from the Lakeside Mall.\n\n00:00:09.500 --> 00:00:12.000\n<v Interviewer>And then?\n\n"
            + "00:00:12.500 --> 00:00:16.000\n<v Rosa Diaz>Rosa stayed at Hope House until the grant ended.\n";

    private static final String TXT = "Interviewer: Which agency referred her?\n"
            + "P2: Hope House referred her. Funding was tight and trust took years.";

    @TempDir
    Path dir;

    private Study study(ConnectionSettings db) throws IOException {
        Study s = Study.create(dir.resolve("s"), "ecm", true, InterviewsTest.url(db));
        Path p = dir.resolve("participant.csv");
        Files.writeString(
                p,
                "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n"
                        + "TF01-P1,TF01,6,-7,-7,1,v1,3\n"
                        + "TF01-P2,TF01,3,5,3,1,v1,1\n");
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
                        "TF01-P1", org.tfeval.study.protect.InterviewSafety.ContactMethod.THROUGH_ADVOCATE, "test");
        org.tfeval.study.protect.InterviewSafety.of(s).recordReferralList("TF01", "r1", "test");
        assertThat(s.importFile("interview", i, "test", "test", ProgressListener.NONE)
                        .stored())
                .isTrue();
        Codebook book = Codebook.of(List.of(Code.of("TRUST", null, "Trust between agencies")));
        Path qdc = dir.resolve("book.qdc");
        Files.write(qdc, Qdc.write(book));
        Interviews.of(s).importCodebook(qdc, "test");
        return s;
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static long count(Study s, String sql) throws Exception {
        try (Connection c = s.store().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void reviewAll(Deidentification d, String interview) {
        Deidentification.Review r = d.review(interview, "officer1", OFFICER);
        for (Deidentification.Item item : r.items()) {
            if (!item.suggestion().status().decided()) {
                d.decide(item.id(), Deidentification.Decision.ACCEPT, "officer1", OFFICER);
            }
        }
    }

    @Test
    void the_original_is_never_stored_in_plain_and_tokens_are_the_same_across_transcripts(ConnectionSettings db)
            throws Exception {
        try (Study s = study(db)) {
            Deidentification d = Deidentification.of(s);
            d.addRosterEntry(Category.AGENCY, "Hope House", null, "officer1", OFFICER);
            d.addRosterEntry(Category.SURVIVOR, "Rosa Diaz", "TF01-P1", "officer1", OFFICER);
            Interviews.of(s)
                    .importTranscripts(List.of(file("TF01-P1-I1.vtt", VTT), file("TF01-P2-I1.txt", TXT)), null, "test");
            // the attack: read the database as its owner; no table holds the survivor's words
            for (String words : List.of("Rosa", "Lakeside", "555-010-2222", "Hope House")) {
                assertThat(count(s, "SELECT count(*) FROM qual_transcript WHERE text LIKE '%" + words + "%'"))
                        .isZero();
                assertThat(count(s, "SELECT count(*) FROM qual_turn WHERE speaker LIKE '%" + words + "%'"))
                        .isZero();
                assertThat(count(
                                s, "SELECT count(*) FROM qual_deid_suggestion s WHERE s.source LIKE '%" + words + "%'"))
                        .isZero();
                assertThat(count(
                                s,
                                "SELECT count(*) FROM qual_transcript_original WHERE position('" + words
                                        + "'::bytea in sealed_text) > 0"))
                        .isZero();
            }
            assertThat(count(s, "SELECT count(*) FROM qual_deid_roster WHERE value LIKE '%Rosa%'"))
                    .isZero();
            // only the privacy officer reads the original
            assertThatThrownBy(() -> d.review("TF01-P1-I1", "coder1", Role.CODER))
                    .isInstanceOf(Problem.Refused.class);
            assertThatThrownBy(() -> d.keyMap("admin", Role.ADMINISTRATOR)).isInstanceOf(Problem.Refused.class);
            Deidentification.Review r = d.review("TF01-P1-I1", "officer1", OFFICER);
            assertThat(r.items())
                    .extracting(i -> i.suggestion().category().label() + "=" + i.words())
                    .containsExactly(
                            "survivor=Rosa Diaz",
                            "agency=Hope House",
                            "phone=555-010-2222",
                            "date=May 4",
                            "survivor=Rosa Diaz",
                            "person=Rosa",
                            "agency=Hope House");
            // rendering waits for every decision
            assertThatThrownBy(() -> d.render("TF01-P1-I1", "officer1", OFFICER))
                    .isInstanceOf(Problem.Refused.class);
            // the reviewer adds the mall nothing found, makes "Rosa" a survivor, and accepts the rest
            String original = r.original().text();
            int mall = original.indexOf("Lakeside Mall");
            d.add("TF01-P1-I1", new Span(mall, mall + 13), Category.PLACE, "officer1", OFFICER);
            Deidentification.Item rosa = r.items().get(5);
            d.edit(rosa.id(), rosa.suggestion().span(), Category.SURVIVOR, "officer1", OFFICER);
            assertThat(d.acceptAllFrom("R1", "officer1", OFFICER)).isEqualTo(3);
            reviewAll(d, "TF01-P1-I1");
            reviewAll(d, "TF01-P2-I1");
            Deidentification.Rendered one = d.render("TF01-P1-I1", "officer1", OFFICER);
            d.render("TF01-P2-I1", "officer1", OFFICER);
            assertThat(one.replaced()).isEqualTo(8);
            String rendered = d.rendered("TF01-P1-I1").text();
            assertThat(rendered)
                    .isEqualTo("Interviewer: Who helped you?\n[SURVIVOR-01]: [AGENCY-1] did. I called them at"
                            + " [PHONE-1] on [DATE-1] from the [PLACE-1].\nInterviewer: And then?\n[SURVIVOR-01]:"
                            + " [SURVIVOR-02] stayed at [AGENCY-1] until the grant ended.")
                    .doesNotContain("Rosa");
            // the same agency is the same token in the other participant's transcript
            assertThat(d.rendered("TF01-P2-I1").text())
                    .startsWith("Interviewer: Which agency referred her?\nP2:" + " [AGENCY-1] referred her.");
            assertThat(count(s, "SELECT count(*) FROM qual_turn WHERE speaker = '[SURVIVOR-01]'"))
                    .isEqualTo(2);
            // four eyes: who rendered does not also review
            assertThatThrownBy(() -> d.markReviewed("TF01-P1-I1", "officer1", OFFICER))
                    .isInstanceOf(Problem.Refused.class);
            d.markReviewed("TF01-P1-I1", "officer2", OFFICER);
            d.release("TF01-P1-I1", "officer2", OFFICER);
            // the key map opens for the privacy officer, per participant
            assertThat(d.keyMap("officer1", OFFICER))
                    .extracting(e -> e.token() + "=" + e.original() + "@" + e.participantId())
                    .contains(
                            "[SURVIVOR-01]=Rosa Diaz@TF01-P1",
                            "[AGENCY-1]=Hope House@TF01-P1",
                            "[AGENCY-1]=Hope House@TF01-P2");
            // every read of words is in the audit log
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE action = 'transcript_original_read'"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE action = 'deid_keymap_read'"))
                    .isEqualTo(1);
            // removal: once the participant's key is destroyed nothing of theirs opens, the key map skips them
            ParticipantKeys.of(s.folder().dir()).destroy("TF01-P1");
            assertThatThrownBy(() -> d.review("TF01-P1-I1", "officer1", OFFICER))
                    .isInstanceOf(Problem.Refused.class);
            assertThat(d.keyMap("officer1", OFFICER))
                    .extracting(Deidentification.KeyEntry::participantId)
                    .containsOnly("TF01-P2");
        }
    }

    @Test
    void coding_and_export_are_refused_while_a_roster_or_pattern_match_is_unreviewed(ConnectionSettings db)
            throws Exception {
        try (Study s = study(db)) {
            Deidentification d = Deidentification.of(s);
            Interviews q = Interviews.of(s);
            q.importTranscripts(List.of(file("TF01-P2-I1.txt", TXT)), null, "test");
            // nothing known yet: the text looks clean, and the administrator's override is audited with its reason
            assertThatThrownBy(() -> d.declareClean("TF01-P2-I1", "clean", "coord", Role.SITE_COORDINATOR))
                    .isInstanceOf(Problem.Refused.class);
            d.declareClean("TF01-P2-I1", "professional interview, no names", "admin", Role.ADMINISTRATOR);
            assertThat(count(
                            s,
                            "SELECT count(*) FROM audit_event WHERE action = 'deid_override_clean'"
                                    + " AND reason = 'professional interview, no names'"))
                    .isEqualTo(1);
            int at = TXT.indexOf("trust took years");
            q.code("TF01-P2-I1", new Span(at, at + 16), "TRUST", "c1", null);
            Path out = dir.resolve("before.qdpx");
            q.exportProject(out, "test");
            assertThat(out).exists();
            // the study learns a name that the codable text contains: the residual scan now blocks everything
            d.addRosterEntry(Category.AGENCY, "Hope House", null, "officer1", OFFICER);
            List<ResidualScan.Hit> hits = d.scan("TF01-P2-I1");
            assertThat(ResidualScan.unreviewed(hits)).hasSize(1);
            Path after = dir.resolve("after.qdpx");
            assertThatThrownBy(() -> q.exportProject(after, "test"))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("unreviewed");
            assertThat(after).doesNotExist();
            assertThatThrownBy(() -> q.code("TF01-P2-I1", new Span(at, at + 16), "TRUST", "c1", null))
                    .isInstanceOf(Problem.Refused.class);
            assertThat(d.status()).singleElement().satisfies(t -> {
                assertThat(t.state()).isEqualTo(TranscriptState.CODABLE);
                assertThat(t.residual()).isEqualTo(1);
            });
            // a corrected version goes through review, and the reviewer's rejection settles the residual hit
            q.importTranscripts(List.of(file("TF01-P2-I1_v2.txt", TXT + " Truly.")), null, "test");
            Deidentification.Review r = d.review("TF01-P2-I1", "officer1", OFFICER);
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.items()).singleElement().satisfies(i -> {
                assertThat(i.suggestion().origin()).isEqualTo(Origin.ROSTER);
                assertThat(i.suggestion().status()).isEqualTo(Status.SUGGESTED);
            });
            d.decide(r.items().get(0).id(), Deidentification.Decision.REJECT, "officer1", OFFICER);
            Deidentification.Rendered v2 = d.render("TF01-P2-I1", "officer1", OFFICER);
            assertThat(v2.moved()).isEqualTo(1);
            assertThat(ResidualScan.unreviewed(d.scan("TF01-P2-I1"))).isEmpty();
            d.markReviewed("TF01-P2-I1", "officer2", OFFICER);
            d.release("TF01-P2-I1", "officer2", OFFICER);
            q.exportProject(after, "test");
            assertThat(after).exists();
        }
    }

    /**
     * Issue 16 item 7: an identifier the review missed in a codable transcript is corrected by the reviewer
     * through a new reviewed version made from the sealed original (no file needed, decisions kept); the
     * residual scan finds the miss once the roster knows it, the codings move to the new version, and the
     * new version is codable only after a second person's review.
     */
    @Test
    void a_miss_in_a_codable_transcript_is_corrected_by_a_new_reviewed_version_and_the_codings_follow(
            ConnectionSettings db) throws Exception {
        try (Study s = study(db)) {
            Deidentification d = Deidentification.of(s);
            Interviews q = Interviews.of(s);
            d.addRosterEntry(Category.AGENCY, "Hope House", null, "officer1", OFFICER);
            d.addRosterEntry(Category.SURVIVOR, "Rosa Diaz", "TF01-P1", "officer1", OFFICER);
            Path vtt = file("TF01-P1-I1.vtt", VTT);
            q.importTranscripts(List.of(vtt), null, "test");
            reviewAll(d, "TF01-P1-I1");
            d.render("TF01-P1-I1", "officer1", OFFICER);
            d.markReviewed("TF01-P1-I1", "officer2", OFFICER);
            d.release("TF01-P1-I1", "officer2", OFFICER);
            String v1 = d.rendered("TF01-P1-I1").text();
            assertThat(v1).contains("Lakeside Mall"); // the miss
            int at = v1.indexOf("until the grant ended");
            q.code("TF01-P1-I1", new Span(at, at + 21), "TRUST", "c1", null);

            // the study learns the place: the residual scan of the codable text finds it
            d.addRosterEntry(Category.PLACE, "Lakeside Mall", null, "officer1", OFFICER);
            assertThat(ResidualScan.unreviewed(d.scan("TF01-P1-I1"))).hasSize(1);
            // the same file cannot be imported again, and a coder cannot revise
            assertThatThrownBy(() -> q.importTranscripts(List.of(vtt), null, "test"))
                    .isInstanceOf(Problem.Refused.class);
            assertThatThrownBy(() -> d.revise("TF01-P1-I1", "missed a place", "c1", Role.CODER))
                    .isInstanceOf(Problem.Refused.class);

            assertThat(d.revise("TF01-P1-I1", "missed a place", "officer1", OFFICER))
                    .isEqualTo(2);
            Deidentification.Review r = d.review("TF01-P1-I1", "officer1", OFFICER);
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.items().stream().filter(i -> !i.suggestion().status().decided()))
                    .as("only the miss waits for a decision; every earlier decision was kept")
                    .singleElement()
                    .satisfies(i -> assertThat(i.words()).isEqualTo("Lakeside Mall"));
            reviewAll(d, "TF01-P1-I1");
            Deidentification.Rendered v2 = d.render("TF01-P1-I1", "officer1", OFFICER);
            assertThat(v2.moved()).as("the coding moved to the new version").isEqualTo(1);
            assertThat(v2.toReview()).isZero();
            String text = d.rendered("TF01-P1-I1").text();
            assertThat(text)
                    .doesNotContain("Lakeside")
                    .contains("from the [PLACE-1].")
                    .startsWith("Interviewer: Who helped you?\n[SURVIVOR-01]: [AGENCY-1] did.");
            assertThat(count(
                            s,
                            "SELECT count(*) FROM qual_turn t JOIN qual_transcript x ON x.id = t.transcript_id"
                                    + " WHERE x.version = 2 AND t.speaker = '[SURVIVOR-01]'"))
                    .as("the turns were rebuilt in the new text's coordinates")
                    .isEqualTo(2);
            assertThatThrownBy(() -> d.markReviewed("TF01-P1-I1", "officer1", OFFICER))
                    .isInstanceOf(Problem.Refused.class);
            d.markReviewed("TF01-P1-I1", "officer2", OFFICER);
            d.release("TF01-P1-I1", "officer2", OFFICER);
            assertThat(ResidualScan.unreviewed(d.scan("TF01-P1-I1"))).isEmpty();
            try (Connection c = s.store().connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT g.start_cp, g.end_cp FROM qual_coding g JOIN qual_transcript x"
                                    + " ON x.id = g.transcript_id WHERE x.interview_id = 'TF01-P1-I1' AND x.version = 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(text.substring(rs.getInt(1), rs.getInt(2))).isEqualTo("until the grant ended");
                assertThat(rs.next()).isFalse();
            }
            assertThat(
                            count(
                                    s,
                                    "SELECT count(*) FROM audit_event WHERE action = 'deid_revise' AND reason = 'missed a place'"))
                    .isEqualTo(1);
        }
    }
}
