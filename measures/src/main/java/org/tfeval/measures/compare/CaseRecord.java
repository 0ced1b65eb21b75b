package org.tfeval.measures.compare;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A coded case-file record behind a computed number (the drill-down): its task force, record ID and the date
 * that placed it in a quarter. No other value of the record.
 *
 * @param tfId     the task force
 * @param recordId the record's ID (case or suspect)
 * @param date     the event date counted
 */
public record CaseRecord(String tfId, String recordId, LocalDate date) {
    public CaseRecord {
        Objects.requireNonNull(tfId, "tfId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(date, "date");
    }
}
