package org.tfeval.store.access;

import java.time.Instant;
import java.time.LocalDate;

/** An annual report received: the year of access it covers, when it was due and received, and the file's hash. */
public record StoredReport(
        int year,
        LocalDate dueOn,
        LocalDate receivedOn,
        String fileRef,
        String fileSha256,
        String recordedBy,
        Instant recordedAt) {}
