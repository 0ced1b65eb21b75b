package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.protect.Participants;
import org.tfeval.study.protect.Withdrawal;
import org.tfeval.study.protect.Withdrawals;
import org.tfeval.study.qual.Interviews;
import org.tfeval.testkit.PostgresExtension;

/**
 * The administrator's participants screen: coders and analysts are refused (they try, and nothing
 * changes); the administrator withdraws a survivor through the browser, confirming first, and the study
 * layer then reports the participant removed and their transcript gone; survivor access is granted and
 * revoked per account.
 */
class ParticipantScreenTest {
    private static final String WORDS = "the back room of the laundromat on Fifth";

    @Test
    void only_the_administrator_withdraws_and_a_confirmed_removal_takes_the_transcript() throws Exception {
        try (WebFixture fx = new WebFixture(PostgresExtension.freshDatabase())) {
            survivorWithTranscript(fx);
            Map<String, String> removal =
                    Map.of("participant", "TFA-P1", "level", "remove", "reason", "asked by phone");
            Map<String, String> confirmed = new java.util.HashMap<>(removal);
            confirmed.put("confirm", "yes");

            // the attack: a coder and an analyst try every participants route
            for (String who : List.of("coder-tfa", "analyst")) {
                Browser b = fx.as(who);
                assertThat(b.get("/participants").statusCode()).as(who).isEqualTo(403);
                assertThat(b.post("/participants/withdraw", confirmed).statusCode())
                        .as(who)
                        .isEqualTo(403);
                assertThat(b.post("/participants/grant", Map.of("account", who)).statusCode())
                        .as(who)
                        .isEqualTo(403);
            }
            assertThat(Withdrawals.of(fx.study).levels()).isEmpty();
            assertThat(transcripts(fx)).isEqualTo(1);

            Browser admin = fx.as("admin");
            HttpResponse<String> list = admin.get("/participants");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("TFA-P1").contains("Survivor").doesNotContain(WORDS);

            // an unknown participant is refused before any confirmation
            assertThat(admin.post(
                                    "/participants/withdraw",
                                    Map.of("participant", "TFA-P9", "level", "remove", "reason", "x"))
                            .statusCode())
                    .isEqualTo(400);
            // the first post only shows what the level will do
            HttpResponse<String> confirm = admin.post("/participants/withdraw", removal);
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("Confirm the withdrawal").contains("cannot be undone");
            assertThat(Withdrawals.of(fx.study).levels()).isEmpty();
            assertThat(transcripts(fx)).isEqualTo(1);

            HttpResponse<String> done = admin.post("/participants/withdraw", confirmed);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("Withdrawal recorded").contains("data key was destroyed");

            // the study layer reports the participant removed, and their words are gone
            assertThat(Withdrawals.of(fx.study).levels()).containsEntry("TFA-P1", Withdrawal.Level.REMOVE);
            assertThat(Participants.of(fx.study).roster())
                    .filteredOn(r -> r.participantId().equals("TFA-P1"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.withdrawal()).contains(Withdrawal.Level.REMOVE));
            assertThat(transcripts(fx)).isZero();
            assertThatThrownBy(() -> Interviews.of(fx.study).transcript("TFA-P1-I1", "admin"))
                    .isInstanceOf(NotVisible.class);
            assertThat(admin.get("/participants").body()).contains("<td class=\"withdrawal\">remove</td>");
            assertThat(fx.study.auditEvents(10))
                    .extracting(org.tfeval.study.Study.AuditEntry::action)
                    .contains("participant_withdrawal");
        }
    }

    @Test
    void the_administrator_grants_and_revokes_survivor_access_per_account() throws Exception {
        try (WebFixture fx = new WebFixture(PostgresExtension.freshDatabase())) {
            Browser admin = fx.as("admin");
            assertThat(admin.post("/participants/grant", Map.of("account", "analyst"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(Participants.of(fx.study).survivorAccessHolders()).containsExactly("analyst");
            assertThat(admin.get("/participants").body()).contains("<li>analyst");
            assertThat(admin.post("/participants/revoke", Map.of("account", "analyst"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(Participants.of(fx.study).survivorAccessHolders()).isEmpty();
            // no such account: refused as bad usage, nothing granted
            assertThat(admin.post("/participants/grant", Map.of("account", "nobody"))
                            .statusCode())
                    .isEqualTo(400);
            assertThat(Participants.of(fx.study).survivorAccessHolders()).isEmpty();
            // a notice to a package holder is shown and its acknowledgement recorded
            org.tfeval.study.protect.OutputRegister.of(fx.study.folder().dir())
                    .addNotice(new org.tfeval.study.protect.OutputRegister.Notice(
                            "W1-N1", 1, "releases/restricted-1", "Delete every copy.", null, null));
            assertThat(admin.get("/participants").body()).contains("W1-N1").contains("class=\"notice-acknowledge\"");
            assertThat(admin.post(
                                    "/participants/acknowledge",
                                    Map.of("notice", "W1-N1", "holder", "University partner"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(Participants.of(fx.study).notices())
                    .singleElement()
                    .satisfies(n -> assertThat(n.acknowledgedBy()).isEqualTo("University partner"));
            assertThat(admin.get("/participants").body()).doesNotContain("class=\"notice-acknowledge\"");
            assertThat(fx.study.auditEvents(5))
                    .extracting(org.tfeval.study.Study.AuditEntry::action)
                    .contains("withdrawal_notice_acknowledged");
            // an unknown notice cannot be acknowledged
            assertThat(admin.post("/participants/acknowledge", Map.of("notice", "W9-N1", "holder", "x"))
                            .statusCode())
                    .isEqualTo(400);
        }
    }

    private static long transcripts(WebFixture fx) throws Exception {
        return fx.count("SELECT count(*) FROM qual_transcript WHERE interview_id = 'TFA-P1-I1'");
    }

    /** A survivor participant of task force A with one imported transcript. */
    private static void survivorWithTranscript(WebFixture fx) throws Exception {
        Path dir = Files.createTempDirectory("tfeval-participants-web-");
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
        for (Path f : List.of(p, i)) {
            String form = f.getFileName().toString().replace(".csv", "");
            assertThat(fx.study
                            .importFile(form, f, "test", "t", ProgressListener.NONE)
                            .stored())
                    .as(form)
                    .isTrue();
        }
        Path t = dir.resolve("TFA-P1-I1.txt");
        Files.writeString(t, "Interviewer: Where?\nRespondent: In " + WORDS + ".\n", StandardCharsets.UTF_8);
        Interviews.of(fx.study).importTranscripts(List.of(t), null, "test");
    }
}
