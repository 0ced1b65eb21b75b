package org.tfeval.study.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An application and where its access stands today.
 *
 * @param id              its number
 * @param applicant       the person who holds (or asks to hold) the data
 * @param email           how to reach them
 * @param institution     their institution
 * @param purpose         the research purpose
 * @param irbKind         IRB approval or exemption
 * @param irbReference    the IRB's number
 * @param irbDate         the IRB's day
 * @param irbExpires      the IRB approval's last day, or null
 * @param securityPlan    the data security plan
 * @param agreement       the signed agreement
 * @param agreementSigned when it was signed
 * @param state           where the access stands today
 * @param submittedBy     who recorded the application
 * @param submittedAt     when
 * @param decidedBy       the steward who decided, or null
 * @param decidedAt       when, or null
 * @param decisionReason  why, or null
 * @param grantedOn       the first day of access, or null
 * @param expiresOn       the last day of access, or null
 * @param nextReportDue   the day the next annual report is due, or null when none is
 * @param due             what is due or overdue today, in words (empty when nothing is)
 */
public record AccessRecord(
        long id,
        String applicant,
        String email,
        String institution,
        String purpose,
        IrbKind irbKind,
        String irbReference,
        LocalDate irbDate,
        LocalDate irbExpires,
        String securityPlan,
        Document agreement,
        LocalDate agreementSigned,
        AccessState state,
        String submittedBy,
        Instant submittedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        LocalDate grantedOn,
        LocalDate expiresOn,
        LocalDate nextReportDue,
        List<String> due) {
    public AccessRecord {
        Objects.requireNonNull(state, "state");
        due = List.copyOf(due);
    }

    /** Whether anything is due or overdue today. */
    public boolean hasDue() {
        return !due.isEmpty();
    }
}
