package org.tfeval.store.access;

import java.time.Instant;
import java.time.LocalDate;

/** The destruction certificate that closed an access. */
public record StoredDestruction(
        LocalDate destroyedOn,
        String certifiedBy,
        String certificateFile,
        String certificateSha256,
        String recordedBy,
        Instant recordedAt) {}
