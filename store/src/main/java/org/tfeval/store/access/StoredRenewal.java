package org.tfeval.store.access;

import java.time.Instant;
import java.time.LocalDate;

/** A renewal of an access: its end moved from {@code previousExpiry} to {@code newExpiry}. */
public record StoredRenewal(
        int seq, String renewedBy, Instant renewedAt, LocalDate previousExpiry, LocalDate newExpiry, String reason) {}
