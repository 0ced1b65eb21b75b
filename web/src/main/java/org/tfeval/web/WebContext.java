package org.tfeval.web;

import java.util.Objects;
import org.tfeval.study.access.RestrictedAccess;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.study.audit.AuditTrail;
import org.tfeval.study.coding.Coding;
import org.tfeval.study.coding.DoubleCoding;
import org.tfeval.study.exports.Exports;
import org.tfeval.study.field.Field;
import org.tfeval.study.qual.Deidentification;
import org.tfeval.study.queries.DataQueries;
import org.tfeval.study.sampling.Sampling;
import org.tfeval.web.auth.Sessions;

/**
 * What the route handlers share: the study's services (each use case runs its own transaction,
 * audit event and access rules there), the sessions and the templates.
 *
 * @param accounts     signing in, passwords, account management
 * @param coding       case files and their passes
 * @param doubleCoding second coding, reconciliation, agreement
 * @param queries      data-quality queries
 * @param sampling     drawing the case sample
 * @param audit        the audit log
 * @param exports      CSV exports
 * @param sessions     the sessions
 * @param pages        template rendering
 * @param throttle     failed sign-ins per client address (in the database, so a restart keeps them)
 * @param deid         de-identification review of transcripts
 * @param access       restricted-use access (the data steward's)
 * @param field        field packages: checkout, devices, the conflict queue
 * @param participants participants' protection: roster, withdrawals, notices, survivor-access grants
 * @param qualCoding   the qualitative coding screen: transcripts, codings, memos, assignments
 * @param safety       interview safety: safe contact, referral lists, scheduling, the distress protocol
 */
public record WebContext(
        Accounts accounts,
        Coding coding,
        DoubleCoding doubleCoding,
        DataQueries queries,
        Sampling sampling,
        AuditTrail audit,
        Exports exports,
        Sessions sessions,
        Pages pages,
        org.tfeval.study.accounts.SignInAddresses throttle,
        Deidentification deid,
        RestrictedAccess access,
        Field field,
        org.tfeval.study.protect.Participants participants,
        org.tfeval.study.operator.Moves moves,
        org.tfeval.study.qual.QualCoding qualCoding,
        org.tfeval.study.protect.InterviewSafety safety) {
    public WebContext {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(coding, "coding");
        Objects.requireNonNull(doubleCoding, "doubleCoding");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(exports, "exports");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(deid, "deid");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(moves, "moves");
        Objects.requireNonNull(qualCoding, "qualCoding");
        Objects.requireNonNull(safety, "safety");
    }
}
