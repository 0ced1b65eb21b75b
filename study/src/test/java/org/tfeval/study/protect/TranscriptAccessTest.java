package org.tfeval.study.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.qual.Interviews;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 16 item 2, by attack: a coder and an analyst without the survivor grant try to read a survivor's
 * transcript through every study-layer route (view, REFI-QDA export) and fail; the granted analyst reads
 * it, audited, and the export is marked for its recipient. Item 3: a participant without consent to quotes
 * is in no export.
 */
@ExtendWith(PostgresExtension.class)
class TranscriptAccessTest {
    static final String SURVIVOR_WORDS = "the night shift at the cannery by the docks";
    static final String PROFESSIONAL_WORDS = "we rotate detectives every two years";
    static final String UNQUOTABLE_WORDS = "I would rather not be quoted on the budget";

    @TempDir
    Path dir;

    /**
     * A study with a professional (P1), a survivor (P2) and a professional without consent to quotes (P3)
     * in the participant form; their interview and consent files written beside it, not imported.
     */
    static Study participants(Path dir, ConnectionSettings db) throws Exception {
        return participants(dir, WithdrawalTest.url(db));
    }

    /** As {@link #participants(Path, ConnectionSettings)}, in a database the override names ("embedded": in the folder). */
    static Study participants(Path dir, String dbOverride) throws Exception {
        Study s = Study.create(dir.resolve("s"), "ecm", true, dbOverride);
        Path p = dir.resolve("participant.csv");
        Files.writeString(
                p,
                "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n"
                        + "TF01-P1,TF01,1,1,3,1,v1,1\n"
                        + "TF01-P2,TF01,6,-7,-7,1,v1,3\n"
                        + "TF01-P3,TF01,2,3,3,1,v1,1\n");
        assertThat(s.importFile("participant", p, "test", "test", ProgressListener.NONE)
                        .stored())
                .isTrue();
        Path i = dir.resolve("interview.csv");
        Files.writeString(
                i,
                "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n"
                        + "TF01-P1-I1,TF01-P1,TF01,2025-03-04,1,R01,p2,55\n"
                        + "TF01-P2-I1,TF01-P2,TF01,2025-03-05,3,R02,p2,40\n"
                        + "TF01-P3-I1,TF01-P3,TF01,2025-03-06,2,R02,p2,30\n");
        Path k = dir.resolve("consent.csv");
        Files.writeString(
                k,
                "PARTICIPANT_ID,CONSENT_SEQ,TF_ID,CONSENT_VERSION,CONSENT_DATE,CONSENT_QUOTES,CONSENT_ARCHIVING,"
                        + "CONSENT_RECONTACT,CONSENT_SHARE_TF\n"
                        + "TF01-P1,1,TF01,v1,2025-03-01,1,1,1,1\n"
                        + "TF01-P2,1,TF01,v1,2025-03-01,0,0,1,0\n"
                        + "TF01-P2,2,TF01,v2,2025-04-01,1,0,1,0\n"
                        + "TF01-P3,1,TF01,v1,2025-03-01,0,1,1,1\n");
        return s;
    }

    /** {@link #participants}, then what the site records before it interviews a survivor, then the interviews and consents. */
    static Study study(Path dir, ConnectionSettings db) throws Exception {
        return study(dir, WithdrawalTest.url(db));
    }

    /** As {@link #study(Path, ConnectionSettings)}, in a database the override names ("embedded": in the folder). */
    static Study study(Path dir, String dbOverride) throws Exception {
        Study s = participants(dir, dbOverride);
        InterviewSafety safety = InterviewSafety.of(s);
        safety.recordSafeContact("TF01-P2", InterviewSafety.ContactMethod.THROUGH_ADVOCATE, "admin");
        safety.recordReferralList("TF01", "2025-03", "admin");
        for (String form : List.of("interview", "consent")) {
            assertThat(s.importFile(form, dir.resolve(form + ".csv"), "test", "test", ProgressListener.NONE)
                            .stored())
                    .as(form)
                    .isTrue();
        }
        Interviews q = Interviews.of(s);
        List<String> words = List.of(PROFESSIONAL_WORDS, SURVIVOR_WORDS, UNQUOTABLE_WORDS);
        for (int n = 1; n <= 3; n++) {
            Path f = dir.resolve("TF01-P" + n + "-I1.txt");
            Files.writeString(
                    f, "Interviewer: Tell me more.\nRespondent: " + words.get(n - 1) + ".\n", StandardCharsets.UTF_8);
            q.importTranscripts(List.of(f), null, "test");
            // nothing in these sentences is an identifier: the administrator's audited override makes them codable
            org.tfeval.study.qual.Deidentification.of(s)
                    .declareClean(
                            "TF01-P" + n + "-I1",
                            "test sentences without identifiers",
                            "test",
                            org.tfeval.study.accounts.Role.ADMINISTRATOR);
        }
        WithdrawalTest.account(s, "admin", "administrator");
        WithdrawalTest.account(s, "ana", "analyst");
        WithdrawalTest.account(s, "dana", "analyst");
        WithdrawalTest.account(s, "carl", "coder");
        TranscriptAccess a = TranscriptAccess.of(s);
        a.grantSurvivorAccess("dana", "admin");
        a.assign("TF01-P1-I1", "carl", "admin");
        a.assign("TF01-P2-I1", "carl", "admin");
        return s;
    }

    @Test
    void a_coder_and_an_analyst_without_the_grant_read_no_survivor_transcript_by_view_or_export(ConnectionSettings db)
            throws Exception {
        try (Study s = study(dir, db)) {
            Interviews q = Interviews.of(s);
            for (String attacker : List.of("ana", "carl", "dana (claimed by login mallory)", "nobody")) {
                assertThatThrownBy(() -> q.transcript("TF01-P2-I1", attacker))
                        .as(attacker)
                        .isInstanceOf(NotVisible.class)
                        .hasMessageNotContaining(SURVIVOR_WORDS)
                        .hasMessageNotContaining("TF01-P2");
                Path out = dir.resolve(attacker.replaceAll("[^a-z]", "") + ".qdpx");
                Interviews.ProjectExport e = q.exportProject(out, attacker, attacker);
                assertThat(e.project().sources()).noneMatch(x -> x.name().equals("TF01-P2-I1"));
                assertThat(WithdrawalTest.find(SURVIVOR_WORDS, List.of(out)))
                        .as(attacker)
                        .isEmpty();
            }
            // a guessed interview that does not exist gets the very same answer as one that may not be read
            Problem missing = catchProblem(() -> q.transcript("TF01-P9-I1", "ana"));
            Problem hidden = catchProblem(() -> q.transcript("TF01-P2-I1", "ana"));
            assertThat(missing.getClass()).isEqualTo(hidden.getClass());
            assertThat(missing.getMessage()).isEqualTo(hidden.getMessage());
            // a coder sees only what is assigned: P1 yes, P3 no
            assertThat(q.transcript("TF01-P1-I1", "carl").text()).contains(PROFESSIONAL_WORDS);
            assertThatThrownBy(() -> q.transcript("TF01-P3-I1", "carl")).isInstanceOf(NotVisible.class);
            // the designated analyst reads it, audited, and the export is marked for its recipient
            assertThat(q.transcript("TF01-P2-I1", "dana").text()).contains(SURVIVOR_WORDS);
            Path granted = dir.resolve("granted.qdpx");
            Interviews.ProjectExport e = q.exportProject(granted, "dana", "university-partner");
            assertThat(e.project().sources()).extracting(x -> x.name()).containsExactly("TF01-P1-I1", "TF01-P2-I1");
            assertThat(e.withheldConsent()).isEqualTo(1); // P3 did not consent to quotes
            assertThat(e.survivorSources()).containsExactly("TF01-P2-I1");
            assertThat(e.project().name()).contains("university-partner").contains(e.exportId());
            assertThat(WithdrawalTest.find(UNQUOTABLE_WORDS, List.of(granted))).isEmpty();
            List<Study.AuditEntry> audit = s.auditEvents(5);
            assertThat(audit).extracting(Study.AuditEntry::action).contains("survivor_transcript_view", "qdpx_export");
            // revoking the grant closes the door again
            assertThat(TranscriptAccess.of(s).revokeSurvivorAccess("dana", "admin"))
                    .isTrue();
            assertThatThrownBy(() -> q.transcript("TF01-P2-I1", "dana")).isInstanceOf(NotVisible.class);
            // only an administrator grants
            assertThatThrownBy(() -> TranscriptAccess.of(s).grantSurvivorAccess("ana", "ana"))
                    .isInstanceOf(Problem.Refused.class);
        }
    }

    @Test
    void a_participant_withdrawn_from_further_use_leaves_matrices_exports_and_snapshots(ConnectionSettings db)
            throws Exception {
        try (Study s = study(dir, db)) {
            Withdrawals.Withdrawn w =
                    Withdrawals.of(s).withdraw("TF01-P1", Withdrawal.Level.NO_FURTHER_USE, "asked by phone", "admin");
            assertThat(w.deleted()).isEmpty();
            Interviews q = Interviews.of(s);
            assertThatThrownBy(() -> q.transcript("TF01-P1-I1", "carl")).isInstanceOf(NotVisible.class);
            assertThat(q.exportProject(dir.resolve("x.qdpx"), "dana", "dana")
                            .project()
                            .sources())
                    .noneMatch(x -> x.name().equals("TF01-P1-I1"));
            Study.Frozen f = s.freeze(new Study.Freeze("test", true, "t"), ProgressListener.NONE);
            assertThat(f.snapshot().rows()).containsEntry("participant", 2L).containsEntry("interview", 2L);
            // the words are kept at this level
            long kept = s.store().tx(c -> {
                try (var st = c.createStatement();
                        var rs = st.executeQuery(
                                "SELECT count(*) FROM qual_transcript WHERE interview_id = 'TF01-P1-I1'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(kept).isEqualTo(1);
            // no-contact refuses re-contact
            Withdrawals.of(s).withdraw("TF01-P3", Withdrawal.Level.NO_CONTACT, "asked by email", "admin");
            assertThatThrownBy(() -> Withdrawals.of(s).requireContactAllowed("TF01-P3"))
                    .isInstanceOf(Problem.Refused.class);
        }
    }

    @Test
    void a_release_archives_only_participants_whose_consent_in_force_allows_archiving(ConnectionSettings db)
            throws Exception {
        try (Study s = study(dir, db)) {
            Study.Frozen f = s.freeze(new Study.Freeze("test", true, "t"), ProgressListener.NONE);
            assertThat(f.snapshot().rows()).containsEntry("participant", 3L);
            org.tfeval.release.pipeline.ReleaseResult r = s.folder()
                    .buildRelease(
                            org.tfeval.release.pipeline.ReleaseBuilder.of(f.snapshot())
                                    .withLevel(org.tfeval.instrument.ReleaseLevel.RESTRICTED),
                            dir.resolve("release"));
            // P2 (survivor) did not consent to archiving; P1 and P3 did
            assertThat(r.rows()).containsEntry("participant", 2L).containsEntry("interview", 2L);
            assertThat(r.rows()).containsEntry("consent", 2L);
            assertThat(OutputRegister.of(s.folder().dir()).releases()).hasSize(1);
        }
    }

    @Test
    void a_survivor_interview_needs_a_safe_contact_method_and_the_sites_referral_list_and_records_distress(
            ConnectionSettings db) throws Exception {
        try (Study s = study(dir, db)) {
            InterviewSafety safety = InterviewSafety.of(s);
            safety.schedule("TF01-P1-I1", "admin"); // a professional: no precondition
            // P3's tier corrected to survivor after the interview was recorded: scheduling now needs their safe contact
            s.edit(
                    "participant",
                    List.of("TF01-P3"),
                    java.util.Map.of("SENSITIVITY_TIER", "3"),
                    "tier corrected",
                    "admin");
            assertThatThrownBy(() -> safety.schedule("TF01-P3-I1", "admin"))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("safe-contact");
            assertThatThrownBy(() -> safety.record("TF01-P2-I1", InterviewSafety.Event.PAUSE, "admin"))
                    .isInstanceOf(Problem.Refused.class);
            safety.schedule("TF01-P2-I1", "admin");
            safety.start("TF01-P2-I1", "admin");
            for (InterviewSafety.Event e : List.of(
                    InterviewSafety.Event.PAUSE,
                    InterviewSafety.Event.CHECK,
                    InterviewSafety.Event.REFERRAL,
                    InterviewSafety.Event.STOP)) {
                safety.record("TF01-P2-I1", e, "admin");
            }
            assertThatThrownBy(() -> safety.record("TF01-P2-I1", InterviewSafety.Event.COMPLETED, "admin"))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("stopped");
            assertThat(safety.events("TF01-P2-I1")).hasSize(6);
            // none of it leaves the database: no snapshot dataset, so no release of any tier
            Study.Frozen f = s.freeze(new Study.Freeze("test", true, "t"), ProgressListener.NONE);
            assertThat(WithdrawalTest.find(
                            "through-advocate", List.of(f.snapshot().dir())))
                    .isEmpty();
            assertThat(f.snapshot().rows().keySet())
                    .allSatisfy(form -> assertThat(form).doesNotContain("safe"));
            // a participant who withdrew is not scheduled again
            Withdrawals.of(s).withdraw("TF01-P1", Withdrawal.Level.NO_CONTACT, "asked", "admin");
            assertThatThrownBy(() -> safety.schedule("TF01-P1-I1", "admin")).isInstanceOf(Problem.Refused.class);
        }
    }

    /** Issue 16 item 5 through the import: the interview form import applies the scheduling rule, row by row. */
    @Test
    void a_survivor_interview_is_not_imported_without_a_safe_contact_method_and_the_sites_referral_list(
            ConnectionSettings db) throws Exception {
        try (Study s = participants(dir, db)) {
            Path interviews = dir.resolve("interview.csv");
            ImportResult none = s.importFile("interview", interviews, "test", "test", ProgressListener.NONE);
            assertThat(none.stored()).isFalse();
            assertThat(none.violations())
                    .extracting(v ->
                            v.file() + " row " + v.row() + " " + v.recordId() + " " + v.variable() + " " + v.code())
                    .containsExactly(
                            "interview.csv row 2 TF01-P2-I1 PARTICIPANT_ID rule:survivor_safe_contact",
                            "interview.csv row 2 TF01-P2-I1 PARTICIPANT_ID rule:survivor_referral_list");
            InterviewSafety safety = InterviewSafety.of(s);
            safety.recordSafeContact("TF01-P2", InterviewSafety.ContactMethod.SAFE_PHONE, "admin");
            ImportResult noList = s.importFile("interview", interviews, "test", "test", ProgressListener.NONE);
            assertThat(noList.stored()).isFalse();
            assertThat(noList.violations()).extracting(v -> v.code()).containsExactly("rule:survivor_referral_list");
            safety.recordReferralList("TF01", "2025-03", "admin");
            ImportResult stored = s.importFile("interview", interviews, "test", "test", ProgressListener.NONE);
            assertThat(stored.stored()).isTrue();
            assertThat(stored.inserted())
                    .as("the refused imports stored nothing")
                    .isEqualTo(3);

            // no new interview for a participant who withdrew; their recorded one re-imports unchanged
            Withdrawals.of(s).withdraw("TF01-P1", Withdrawal.Level.NO_CONTACT, "asked", "admin");
            Path again = dir.resolve("again.csv");
            Files.writeString(
                    again,
                    Files.readString(interviews) + "TF01-P1-I2,TF01-P1,TF01,2025-05-04,1,R01,p2,50\n",
                    StandardCharsets.UTF_8);
            ImportResult withdrawn = s.importFile("interview", again, "test", "test", ProgressListener.NONE);
            assertThat(withdrawn.stored()).isFalse();
            assertThat(withdrawn.violations())
                    .extracting(v -> v.row() + " " + v.code())
                    .containsExactly("4 rule:withdrawn_participant");
            assertThat(s.importFile("interview", interviews, "test", "test", ProgressListener.NONE)
                            .unchanged())
                    .isEqualTo(3);
        }
    }

    /**
     * Issue 16 item 6 (the vacuum): after a removal the survivor's words are in no data file of the tables
     * it deleted from; before it, the same search finds them (the search works).
     */
    @Test
    void a_removal_rewrites_the_tables_it_deleted_from_so_their_files_hold_none_of_the_words(ConnectionSettings db)
            throws Exception {
        Path server = org.tfeval.testkit.PostgresExtension.serverFolder();
        org.junit.jupiter.api.Assumptions.assumeTrue(server != null, "needs the embedded test server's files");
        try (Study s = study(dir, db)) {
            assertThat(tableFilesHolding(s, server, PROFESSIONAL_WORDS))
                    .as("before: a professional's rendered words sit in qual_transcript's file (the search works)")
                    .contains("qual_transcript");
            assertThat(tableFilesHolding(s, server, SURVIVOR_WORDS))
                    .as("before: a survivor's rendered words are sealed under their key (SealedWords)")
                    .isEmpty();
            Withdrawals.of(s).withdraw("TF01-P2", Withdrawal.Level.REMOVE, "asked to be removed", "admin");
            assertThat(tableFilesHolding(s, server, SURVIVOR_WORDS))
                    .as("after: no table file of the schema holds them")
                    .isEmpty();
            assertThat(tableFilesHolding(s, server, PROFESSIONAL_WORDS))
                    .as("the other participants' words stay")
                    .contains("qual_transcript");
        }
    }

    /** The schema's tables whose data files (after a CHECKPOINT) contain {@code words} in UTF-8. */
    private static List<String> tableFilesHolding(Study s, Path server, String words) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        byte[] needle = words.getBytes(StandardCharsets.UTF_8);
        try (java.sql.Connection c = s.store().connect();
                java.sql.Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT c.relname, pg_relation_filepath(c.oid) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
                    + " AND c.relkind IN ('r', 't', 'i')")) {
                while (rs.next()) {
                    if (rs.getString(2) == null) continue;
                    Path base = server.resolve("data").resolve(rs.getString(2));
                    java.util.List<Path> segments = new java.util.ArrayList<>();
                    segments.add(base);
                    for (int n = 1; Files.exists(Path.of(base + "." + n)); n++) segments.add(Path.of(base + "." + n));
                    for (Path f : segments) {
                        if (Files.exists(f) && indexOf(Files.readAllBytes(f), needle) >= 0) {
                            out.add(rs.getString(1));
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static Problem catchProblem(Runnable r) {
        try {
            r.run();
        } catch (Problem p) {
            return p;
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void a_coder_codes_only_the_transcripts_assigned_to_them_and_nobody_codes_a_withdrawn_participant(
            ConnectionSettings db) throws Exception {
        try (Study s = study(dir, db)) {
            Interviews q = Interviews.of(s);
            org.tfeval.qual.codebook.Code theme = org.tfeval.qual.codebook.Code.of("ROTATION", null, "Staff rotation");
            Path qdc = dir.resolve("book.qdc");
            Files.write(qdc, org.tfeval.qual.refi.Qdc.write(org.tfeval.qual.codebook.Codebook.of(List.of(theme))));
            q.importCodebook(qdc, "test");
            String text = q.transcript("TF01-P3-I1", "ana").text();
            int at = text.indexOf(UNQUOTABLE_WORDS);
            org.tfeval.qual.text.Span span = new org.tfeval.qual.text.Span(at, at + UNQUOTABLE_WORDS.length());
            // the attack: carl codes P3's transcript, which nobody assigned to him
            assertThatThrownBy(() -> q.code("TF01-P3-I1", span, "ROTATION", "carl", null))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageNotContaining(UNQUOTABLE_WORDS);
            // nor can a batch slip the unassigned transcript in beside an assigned one
            String p1 = q.transcript("TF01-P1-I1", "carl").text();
            int a1 = p1.indexOf(PROFESSIONAL_WORDS);
            org.tfeval.qual.text.Span s1 = new org.tfeval.qual.text.Span(a1, a1 + PROFESSIONAL_WORDS.length());
            assertThatThrownBy(() -> q.code(
                            List.of(
                                    new Interviews.Coding("TF01-P1-I1", s1, "ROTATION", "carl", null),
                                    new Interviews.Coding("TF01-P3-I1", span, "ROTATION", "carl", null)),
                            "carl"))
                    .isInstanceOf(Problem.Refused.class);
            // his assigned transcript he codes; an analyst codes any
            assertThat(q.code("TF01-P1-I1", s1, "ROTATION", "carl", null)).isNotBlank();
            assertThat(q.code("TF01-P3-I1", span, "ROTATION", "ana", null)).isNotBlank();
            // after a withdrawal from further use, nobody codes the participant, assigned or not
            Withdrawals.of(s).withdraw("TF01-P1", Withdrawal.Level.NO_FURTHER_USE, "asked by phone", "admin");
            assertThatThrownBy(() -> q.code("TF01-P1-I1", s1, "ROTATION", "carl", null))
                    .isInstanceOf(Problem.Refused.class);
            assertThatThrownBy(() -> q.code("TF01-P1-I1", s1, "ROTATION", "ana", null))
                    .isInstanceOf(Problem.Refused.class);
        }
    }
}
