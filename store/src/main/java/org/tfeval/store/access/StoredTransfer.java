package org.tfeval.store.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the transfer log: a restricted package issued.
 *
 * @param issueId        the issue's ID (named in the package's signed issue manifest)
 * @param applicationId  the access it was issued under
 * @param recipient      to whom
 * @param institution    their institution
 * @param issuedAt       when
 * @param issuedBy       by which steward
 * @param snapshotId     the snapshot released
 * @param releaseLevel   the release level ({@code restricted})
 * @param manifestSha256 the SHA-256 of the release's manifest
 * @param files          files in the package
 * @param marks          digests recorded to trace it
 * @param expiresOn      the access's end on the day it was issued
 */
public record StoredTransfer(
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
        LocalDate expiresOn) {
    public StoredTransfer {
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(snapshotId, "snapshotId");
    }
}
