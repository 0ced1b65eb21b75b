package org.tfeval.study.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything recorded about one access: the application and its state, renewals, annual reports,
 * the destruction certificate and the packages issued under it.
 */
public record AccessFile(
        AccessRecord access,
        List<Renewal> renewals,
        List<AnnualReport> reports,
        Destruction destruction,
        List<Transfer> transfers) {
    public AccessFile {
        Objects.requireNonNull(access, "access");
        renewals = List.copyOf(renewals);
        reports = List.copyOf(reports);
        transfers = List.copyOf(transfers);
    }

    /** A renewal: the access's last day moved from {@code previousExpiry} to {@code newExpiry}. */
    public record Renewal(
            int seq,
            String renewedBy,
            Instant renewedAt,
            LocalDate previousExpiry,
            LocalDate newExpiry,
            String reason) {}

    /** An annual report received for a year of access. */
    public record AnnualReport(
            int year, LocalDate dueOn, LocalDate receivedOn, Document file, String recordedBy, Instant recordedAt) {}

    /** The destruction certificate that closed the access. */
    public record Destruction(
            LocalDate destroyedOn, String certifiedBy, Document certificate, String recordedBy, Instant recordedAt) {}

    /**
     * One entry of the transfer log.
     *
     * @param issueId        the issue's ID, named in the package's signed manifest
     * @param applicationId  the access it was issued under
     * @param recipient      to whom
     * @param institution    their institution
     * @param issuedAt       when
     * @param issuedBy       by which steward
     * @param snapshotId     the snapshot released
     * @param releaseLevel   the release level
     * @param manifestSha256 the SHA-256 of the release's manifest
     * @param files          files in the package
     * @param marks          digests recorded to trace it
     * @param expiresOn      the access's last day when it was issued
     */
    public record Transfer(
            String issueId,
            long applicationId,
            String recipient,
            String institution,
            Instant issuedAt,
            String issuedBy,
            String snapshotId,
            String releaseLevel,
            String manifestSha256,
            int files,
            int marks,
            LocalDate expiresOn) {}
}
