package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.protect.TranscriptAccess;
import org.tfeval.testkit.PostgresExtension;

/**
 * The coding screen over HTTP: who may open which transcript (tried, not assumed), the refusal of a transcript
 * not yet reviewed, saves against a stale version answered 409 with both sides, memos, assignments, and the
 * interview safety screen's refusals. The browser flow (selection, keyboard) is {@link QualCodingBrowserTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualCodingScreenTest {
    static final String PROFESSIONAL = "Interviewer: What helped?\nRespondent: The shelter helped with housing"
            + " and a lawyer explained the court.\n";
    static final String SURVIVOR_WORDS = "the night shift at the cannery by the docks";
    static final Pattern CODING = Pattern.compile("data-guid=\"([0-9a-f-]{36})\"");

    @TempDir
    static Path dir;

    private WebFixture fx;

    @BeforeAll
    void setUp() {
        fx = new WebFixture(PostgresExtension.freshDatabase());
        QualSeed.seed(
                fx.study,
                dir,
                List.of(
                        new QualSeed.Person("TFA-P1", "TFA", 1, PROFESSIONAL, true),
                        new QualSeed.Person(
                                "TFA-P2",
                                "TFA",
                                3,
                                "Interviewer: Tell me more.\nRespondent: " + SURVIVOR_WORDS + ".\n",
                                true),
                        new QualSeed.Person(
                                "TFA-P3", "TFA", 1, "Interviewer: And then?\nRespondent: We waited.\n", false),
                        new QualSeed.Person("TFB-P1", "TFB", 1, PROFESSIONAL, true)));
        TranscriptAccess access = TranscriptAccess.of(fx.study);
        access.assign("TFA-P1-I1", "coder-tfa", "coord-tfa");
        access.assign("TFA-P2-I1", "coder-tfa", "coord-tfa");
        access.assign("TFB-P1-I1", "coder-tfb", "coord-tfb");
        fx.server.context().accounts().create("test", "analyst2", Role.ANALYST, Set.of(), WebFixture.PASSWORD);
        access.grantSurvivorAccess("analyst2", "admin");
    }

    @AfterAll
    void tearDown() {
        fx.close();
    }

    private static Map<String, String> apply(int version, int start, int end, String code) {
        return Map.of(
                "transcript_version",
                "1",
                "_version",
                Integer.toString(version),
                "start",
                "" + start,
                "end",
                "" + end,
                "code",
                code);
    }

    private static List<String> codings(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = CODING.matcher(body);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void a_coder_opens_only_assigned_transcripts_and_an_analyst_a_survivors_only_with_the_grant() throws Exception {
        // the attack: a coder of the same task force, not assigned, opens and codes the transcript
        Browser other = fx.as("coder2-tfa");
        HttpResponse<String> read = other.get("/qual/transcripts/TFA-P1-I1");
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("lawyer explained");
        assertThat(other.htmx("/qual/transcripts/TFA-P1-I1/codings", apply(0, 0, 5, QualSeed.HOUSING.guid()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(other.get("/qual").body()).doesNotContain("TFA-P1-I1");
        // a coder assigned a survivor's transcript still needs the survivor-access grant
        assertThat(fx.as("coder-tfa").get("/qual/transcripts/TFA-P2-I1").statusCode())
                .isEqualTo(403);
        // an analyst without the grant: 403 and no words; with it: the words, and the view is audited
        HttpResponse<String> analyst = fx.as("analyst").get("/qual/transcripts/TFA-P2-I1");
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(analyst.body()).doesNotContain(SURVIVOR_WORDS);
        long before = fx.count("SELECT count(*) FROM audit_event WHERE action = 'survivor_transcript_view'"
                + " AND actor = 'analyst2'");
        HttpResponse<String> granted = fx.as("analyst2").get("/qual/transcripts/TFA-P2-I1");
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).contains(SURVIVOR_WORDS).contains("every view is recorded");
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'survivor_transcript_view'"
                        + " AND actor = 'analyst2'"))
                .isEqualTo(before + 1);
        // an analyst reads but does not code
        assertThat(fx.as("analyst2")
                        .htmx("/qual/transcripts/TFA-P2-I1/codings", apply(0, 0, 5, QualSeed.HOUSING.guid()))
                        .statusCode())
                .isEqualTo(403);
        // another task force's coder: not found
        assertThat(fx.as("coder-tfb").get("/qual/transcripts/TFA-P1-I1").statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_transcript_not_yet_reviewed_is_refused_with_its_state() {
        HttpResponse<String> res = fx.as("admin").get("/qual/transcripts/TFA-P3-I1");
        assertThat(res.statusCode()).isEqualTo(409);
        assertThat(res.body()).contains("imported, not yet codable").doesNotContain("We waited");
        assertThat(fx.as("admin").get("/qual").body()).contains("TFA-P3-I1").contains("imported");
    }

    @Test
    void a_save_on_a_stale_version_is_not_applied_and_shows_both_sides() throws Exception {
        Browser coder = fx.as("coder-tfb");
        coder.remember(coder.get("/qual/transcripts/TFB-P1-I1").body());
        HttpResponse<String> first =
                coder.htmx("/qual/transcripts/TFB-P1-I1/codings", apply(0, 13, 25, QualSeed.HOUSING.guid()));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("data-version=\"1\"").contains("Housing");
        // a second window still on version 0 applies another code: refused, both sides shown, nothing stored
        HttpResponse<String> stale =
                coder.htmx("/qual/transcripts/TFB-P1-I1/codings", apply(0, 40, 50, QualSeed.LEGAL.guid()));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .contains("Not saved")
                .contains("Yours (not saved)")
                .contains("apply Legal aid to 40-50")
                .contains("Saved meanwhile")
                .contains("Housing");
        assertThat(fx.count("SELECT count(*) FROM qual_coding WHERE coder = 'coder-tfb'"))
                .isEqualTo(1);
        // removing against the stale version: refused as well; against the saved one: done, audited
        String guid = codings(first.body()).get(0);
        assertThat(coder.htmx(
                                "/qual/transcripts/TFB-P1-I1/codings/remove",
                                Map.of("transcript_version", "1", "_version", "0", "coding", guid))
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> removed = coder.htmx(
                "/qual/transcripts/TFB-P1-I1/codings/remove",
                Map.of("transcript_version", "1", "_version", "1", "coding", guid));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(codings(removed.body())).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'qual_code_remove'"
                        + " AND actor = 'coder-tfb'"))
                .isEqualTo(1);
        // a category is not codable
        assertThat(coder.htmx("/qual/transcripts/TFB-P1-I1/codings", apply(2, 0, 5, QualSeed.SERVICES.guid()))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void a_memo_edit_on_a_stale_version_shows_both_texts() throws Exception {
        Browser coder = fx.as("coder-tfa");
        coder.remember(coder.get("/qual/transcripts/TFA-P1-I1").body());
        HttpResponse<String> added = coder.htmx(
                "/qual/transcripts/TFA-P1-I1/memos", Map.of("target", "transcript", "body", "first thoughts"));
        assertThat(added.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("data-memo=\"(\\d+)\"").matcher(added.body());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        assertThat(coder.htmx(
                                "/qual/transcripts/TFA-P1-I1/memos",
                                Map.of("target", "transcript", "memo", id, "memo_version", "1", "body", "second"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> stale = coder.htmx(
                "/qual/transcripts/TFA-P1-I1/memos",
                Map.of("target", "transcript", "memo", id, "memo_version", "1", "body", "third"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("third").contains("second").contains("Saved meanwhile");
        // a segment memo and a code memo
        assertThat(coder.htmx(
                                "/qual/transcripts/TFA-P1-I1/memos",
                                Map.of("target", "segment", "start", "13", "end", "25", "body", "on these words"))
                        .body())
                .contains("segment 13-25");
        assertThat(coder.htmx(
                                "/qual/transcripts/TFA-P1-I1/memos",
                                Map.of("target", "code", "code", QualSeed.BARRIERS.guid(), "body", "define it"))
                        .body())
                .contains("code Barriers");
        // memo words never reach the audit log
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE detail::text LIKE '%first thoughts%'"))
                .isZero();
    }

    @Test
    void a_coordinator_assigns_a_transcript_and_the_coder_then_opens_it() throws Exception {
        Browser coord = fx.as("coord-tfa");
        HttpResponse<String> page = coord.get("/qual/assignments");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("TFA-P1-I1").doesNotContain("TFB-P1-I1");
        coord.remember(page.body());
        assertThat(coord.post("/qual/assignments", Map.of("interview", "TFA-P3-I1", "coder", "coder2-tfa"))
                        .statusCode())
                .isEqualTo(303);
        // another task force's interview: not found
        assertThat(coord.post("/qual/assignments", Map.of("interview", "TFB-P1-I1", "coder", "coder2-tfa"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'transcript_assign'"
                        + " AND actor = 'coord-tfa'"))
                .isGreaterThanOrEqualTo(1);
        // coders do not assign
        assertThat(fx.as("coder-tfa").get("/qual/assignments").statusCode()).isEqualTo(403);
    }

    @Test
    void a_survivor_interview_is_not_scheduled_without_safe_contact_and_referral_list() throws Exception {
        // the import now refuses such an interview; one stored before that rule (or by SQL) is refused here too
        try (Connection c = fx.connect();
                Statement st = c.createStatement()) {
            st.execute("DELETE FROM protect_safe_contact WHERE participant_id = 'TFA-P2'");
            st.execute("DELETE FROM protect_referral_list WHERE tf_id = 'TFA'");
        }
        Browser coord = fx.as("coord-tfa");
        coord.remember(coord.get("/qual/safety").body());
        HttpResponse<String> refused =
                coord.post("/qual/safety/event", Map.of("interview", "TFA-P2-I1", "event", "scheduled"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("no recorded safe-contact method");
        assertThat(coord.post(
                                "/qual/safety/safe-contact",
                                Map.of("participant", "TFA-P2", "method", "through-advocate"))
                        .statusCode())
                .isEqualTo(303);
        HttpResponse<String> noList =
                coord.post("/qual/safety/event", Map.of("interview", "TFA-P2-I1", "event", "started"));
        assertThat(noList.statusCode()).isEqualTo(409);
        assertThat(noList.body()).contains("no referral list");
        assertThat(coord.post("/qual/safety/referral-list", Map.of("tf", "TFA", "version", "2026-01"))
                        .statusCode())
                .isEqualTo(303);
        for (String event : List.of("scheduled", "started", "pause", "check", "referral", "stop")) {
            assertThat(coord.post("/qual/safety/event", Map.of("interview", "TFA-P2-I1", "event", event))
                            .statusCode())
                    .as(event)
                    .isEqualTo(303);
        }
        // a stopped interview does not resume
        assertThat(coord.post("/qual/safety/event", Map.of("interview", "TFA-P2-I1", "event", "started"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(coord.get("/qual/safety?interview=TFA-P2-I1").body())
                .contains("scheduled")
                .contains("stop");
        // another task force's participant: not found
        assertThat(coord.post("/qual/safety/safe-contact", Map.of("participant", "TFB-P1", "method", "safe-phone"))
                        .statusCode())
                .isEqualTo(404);
        try (Connection c = fx.connect();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM protect_interview_event"
                        + " WHERE interview_id = 'TFA-P2-I1' AND event = 'stop'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }
}
