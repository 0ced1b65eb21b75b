package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.study.qual.Deidentification;
import org.tfeval.study.qual.Interviews;
import org.tfeval.testkit.PostgresExtension;

/** The privacy officer reviews a transcript in the browser, keyboard first; nobody else sees its words. */
class DeidReviewTest {
    private static final Pattern SUGGESTION = Pattern.compile("name=\"suggestion\" value=\"(\\d+)\"");

    private static List<String> suggestionIds(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = SUGGESTION.matcher(page);
        while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
        return out;
    }

    @Test
    void a_transcript_is_reviewed_rendered_approved_by_a_second_officer_and_released() throws Exception {
        try (WebFixture fx = new WebFixture(PostgresExtension.freshDatabase())) {
            Path dir = Files.createTempDirectory("tfeval-deid-web-");
            Path p = dir.resolve("participant.csv");
            Files.writeString(
                    p,
                    "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,"
                            + "SENSITIVITY_TIER\nTFA-P1,TFA,6,-7,-7,1,v1,3\n");
            Path i = dir.resolve("interview.csv");
            Files.writeString(
                    i,
                    "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n"
                            + "TFA-P1-I1,TFA-P1,TFA,2025-03-04,1,R01,p2,55\n");
            assertThat(fx.study
                            .importFile("participant", p, "test", "t", ProgressListener.NONE)
                            .stored())
                    .isTrue();
            org.tfeval.study.protect.InterviewSafety.of(fx.study)
                    .recordSafeContact(
                            "TFA-P1", org.tfeval.study.protect.InterviewSafety.ContactMethod.THROUGH_ADVOCATE, "test");
            org.tfeval.study.protect.InterviewSafety.of(fx.study).recordReferralList("TFA", "r1", "test");
            assertThat(fx.study
                            .importFile("interview", i, "test", "t", ProgressListener.NONE)
                            .stored())
                    .isTrue();
            Path t = dir.resolve("TFA-P1-I1.txt");
            Files.writeString(
                    t,
                    "Interviewer: Who helped?\nRespondent: Call me at 555-010-3333 or at the Sunny Diner, on"
                            + " June 2 I met Detective Okafor there.",
                    StandardCharsets.UTF_8);
            Interviews.of(fx.study).importTranscripts(List.of(t), null, "test");

            // nobody but a privacy officer reaches the review or its words
            for (String who : List.of("admin", "analyst", "coder-tfa", "coord-tfa")) {
                HttpResponse<String> res = fx.as(who).get("/deid/TFA-P1-I1");
                assertThat(res.statusCode()).as(who).isEqualTo(403);
                assertThat(res.body()).doesNotContain("555-010-3333");
            }
            Browser officer = fx.as("privacy");
            assertThat(officer.get("/deid").body()).contains("TFA-P1-I1").contains("imported");
            HttpResponse<String> page = officer.get("/deid/TFA-P1-I1");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            String body = page.body();
            assertThat(body).contains("555-010-3333").contains("June 2").contains("Okafor");
            // keyboard: the first undecided suggestion's Accept has the focus and the access key
            assertThat(body).containsPattern("value=\"accept\" accesskey=\"a\" autofocus");
            List<String> ids = suggestionIds(body);
            assertThat(ids).hasSize(3);
            // accept the phone and the date, reject the detective's name (a public official, say)
            for (String id : ids.subList(0, 2)) {
                assertThat(officer.post("/deid/TFA-P1-I1/decide", Map.of("suggestion", id, "decision", "accept"))
                                .statusCode())
                        .isEqualTo(303);
            }
            officer.post("/deid/TFA-P1-I1/decide", Map.of("suggestion", ids.get(2), "decision", "reject"));
            // the diner nothing found: added by its words
            assertThat(officer.post("/deid/TFA-P1-I1/add", Map.of("words", "Sunny Diner", "category", "employer"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(officer.get("/deid/TFA-P1-I1").body()).contains("Render the de-identified text");
            assertThat(officer.post("/deid/TFA-P1-I1/render", Map.of()).statusCode())
                    .isEqualTo(303);
            // the same officer cannot approve their own rendering
            assertThat(officer.post("/deid/TFA-P1-I1/approve", Map.of()).statusCode())
                    .isEqualTo(409);
            Browser second = fx.as("privacy2");
            second.remember(second.get("/deid/TFA-P1-I1").body());
            assertThat(second.post("/deid/TFA-P1-I1/approve", Map.of()).statusCode())
                    .isEqualTo(303);
            assertThat(second.post("/deid/TFA-P1-I1/release", Map.of()).statusCode())
                    .isEqualTo(303);
            String rendered =
                    Deidentification.of(fx.study).rendered("TFA-P1-I1").text();
            assertThat(rendered)
                    .isEqualTo("Interviewer: Who helped?\nRespondent: Call me at [PHONE-1] or at the [EMPLOYER-1],"
                            + " on [DATE-1] I met Detective Okafor there.");
            assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'transcript_original_read'"
                            + " AND actor = 'privacy'"))
                    .isGreaterThanOrEqualTo(2);
        }
    }
}
