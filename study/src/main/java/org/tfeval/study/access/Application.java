package org.tfeval.study.access;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An application for the restricted-use files, as the steward records it.
 *
 * @param applicant       the person who will hold the data (the agreement's signatory)
 * @param email           how to reach them
 * @param institution     their institution
 * @param purpose         the research purpose the data will serve
 * @param irbKind         IRB approval or exemption
 * @param irbReference    the IRB's protocol or determination number
 * @param irbDate         the day of the IRB's approval or determination
 * @param irbExpires      the last day of the IRB approval (required for an approval, none for an exemption)
 * @param securityPlan    the data security plan: where the files will be kept and who may open them
 * @param agreement       the signed data use agreement
 * @param agreementSigned the day it was signed
 */
public record Application(
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
        LocalDate agreementSigned) {
    /** Longest name, address, institution or IRB reference. */
    public static final int MAX_SHORT_TEXT = 200;
    /** Longest purpose or security plan. */
    public static final int MAX_LONG_TEXT = 10_000;

    public Application {
        applicant = text("applicant", applicant, MAX_SHORT_TEXT);
        email = text("email", email, MAX_SHORT_TEXT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
            throw new IllegalArgumentException("the email address must look like name@example.org");
        institution = text("institution", institution, MAX_SHORT_TEXT);
        purpose = text("purpose", purpose, MAX_LONG_TEXT);
        Objects.requireNonNull(irbKind, "irbKind");
        irbReference = text("IRB reference", irbReference, MAX_SHORT_TEXT);
        Objects.requireNonNull(irbDate, "irbDate");
        if (irbKind.expires()) {
            if (irbExpires == null) throw new IllegalArgumentException("an IRB approval needs its end date");
            if (!irbExpires.isAfter(irbDate))
                throw new IllegalArgumentException("the IRB approval must end after the day it was given");
        } else if (irbExpires != null) {
            throw new IllegalArgumentException("an IRB exemption has no end date");
        }
        securityPlan = text("data security plan", securityPlan, MAX_LONG_TEXT);
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(agreementSigned, "agreementSigned");
    }

    private static String text(String what, String value, int max) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the " + what + " is required");
        String v = value.strip();
        if (v.length() > max)
            throw new IllegalArgumentException("the " + what + " is longer than " + max + " characters");
        return v;
    }
}
