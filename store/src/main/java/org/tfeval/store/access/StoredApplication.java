package org.tfeval.store.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An access application as stored.
 *
 * @param id              its number
 * @param applicant       the person who will hold the data
 * @param email           how to reach them
 * @param institution     their institution
 * @param purpose         the research purpose
 * @param irbKind         {@code approval} or {@code exemption}
 * @param irbReference    the IRB's protocol or determination number
 * @param irbDate         when the IRB approved or exempted
 * @param irbExpires      when the IRB approval ends, or null (exemptions)
 * @param securityPlan    the data security plan
 * @param agreementFile   the signed agreement's file name
 * @param agreementSha256 the signed agreement's SHA-256
 * @param agreementSigned when it was signed
 * @param status          {@code submitted}, {@code approved}, {@code denied} or {@code closed}
 * @param submittedBy     who recorded the application
 * @param submittedAt     when
 * @param decidedBy       the steward who decided, or null
 * @param decidedAt       when, or null
 * @param decisionReason  why, or null
 * @param grantedOn       first day of access (approved), or null
 * @param expiresOn       last day of access (approved), or null
 */
public record StoredApplication(
        long id,
        String applicant,
        String email,
        String institution,
        String purpose,
        String irbKind,
        String irbReference,
        LocalDate irbDate,
        LocalDate irbExpires,
        String securityPlan,
        String agreementFile,
        String agreementSha256,
        LocalDate agreementSigned,
        String status,
        String submittedBy,
        Instant submittedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        LocalDate grantedOn,
        LocalDate expiresOn) {
    public StoredApplication {
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(status, "status");
    }
}
