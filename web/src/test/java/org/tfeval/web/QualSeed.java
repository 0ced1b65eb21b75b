package org.tfeval.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.protect.InterviewSafety;
import org.tfeval.study.qual.Deidentification;
import org.tfeval.study.qual.Interviews;

/**
 * Interviews for the coding screen's tests and benchmark: participants, interviews, transcripts made
 * codable by the administrator's audited clean-text override, and a small codebook tree.
 */
public final class QualSeed {
    /** A category (not codable) with two codes, and a third code at the top. */
    public static final Code SERVICES = Code.category("Services", null);

    public static final Code HOUSING = new Code(
            "11111111-1111-4111-8111-111111111111",
            "Housing",
            SERVICES.guid(),
            true,
            "Shelter and housing help",
            "",
            "",
            "",
            "#FFD54F",
            false);
    public static final Code LEGAL = new Code(
            "22222222-2222-4222-8222-222222222222",
            "Legal aid",
            SERVICES.guid(),
            true,
            "Lawyers, court help",
            "",
            "",
            "",
            null,
            false);
    public static final Code BARRIERS = new Code(
            "33333333-3333-4333-8333-333333333333",
            "Barriers",
            null,
            true,
            "What stood in the way",
            "",
            "",
            "",
            null,
            false);

    private QualSeed() {}

    /** A survivor is interviewed only with a safe contact and the site's referral list on record. */
    private static void safety(Study study, List<Person> people) {
        InterviewSafety safety = InterviewSafety.of(study);
        people.stream().map(Person::tf).distinct().forEach(tf -> safety.recordReferralList(tf, "r1", "test"));
        for (Person x : people)
            safety.recordSafeContact(x.participantId(), InterviewSafety.ContactMethod.THROUGH_ADVOCATE, "test");
    }

    /** One participant of the seed. */
    public record Person(String participantId, String tf, int tier, String transcript, boolean codable) {}

    /**
     * Stores participants, their interviews ({@code PID-I1}) and transcripts, makes the codable ones codable,
     * and imports the codebook.
     */
    public static void seed(Study study, Path dir, List<Person> people) {
        try {
            StringBuilder p = new StringBuilder("PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,"
                    + "CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n");
            StringBuilder i = new StringBuilder(
                    "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n");
            for (Person x : people) {
                p.append(x.participantId())
                        .append(',')
                        .append(x.tf())
                        .append(x.tier() == 3 ? ",6,-7,-7,1,v1,3\n" : ",1,1,3,1,v1," + x.tier() + "\n");
                i.append(x.participantId())
                        .append("-I1,")
                        .append(x.participantId())
                        .append(',')
                        .append(x.tf())
                        .append(",2025-03-04,1,R01,p2,55\n");
            }
            Files.writeString(dir.resolve("participant.csv"), p);
            Files.writeString(dir.resolve("interview.csv"), i);
            for (String form : List.of("participant", "interview")) {
                if (form.equals("interview")) safety(study, people);
                if (!study.importFile(form, dir.resolve(form + ".csv"), "test", "test", ProgressListener.NONE)
                        .stored()) throw new IllegalStateException("the seed's " + form + " form was not stored");
            }
            Interviews q = Interviews.of(study);
            for (Person x : people) {
                Path f = dir.resolve(x.participantId() + "-I1.txt");
                Files.writeString(f, x.transcript(), StandardCharsets.UTF_8);
                q.importTranscripts(List.of(f), null, "test");
                if (x.codable())
                    Deidentification.of(study)
                            .declareClean(
                                    x.participantId() + "-I1",
                                    "test sentences without identifiers",
                                    "admin",
                                    Role.ADMINISTRATOR);
            }
            Path qdc = dir.resolve("book.qdc");
            Files.write(qdc, Qdc.write(Codebook.of(List.of(SERVICES, HOUSING, LEGAL, BARRIERS))));
            q.importCodebook(qdc, "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
