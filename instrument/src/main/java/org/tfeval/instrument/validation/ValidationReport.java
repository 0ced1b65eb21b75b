package org.tfeval.instrument.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of validating a whole study.
 *
 * @param at           when
 * @param instrument   instrument id and version
 * @param records      records per form
 * @param errors       number of errors
 * @param warnings     number of warnings
 * @param violations   the first violations in full
 * @param countsByCode every violation counted by code
 * @param missingness  per variable
 */
public record ValidationReport(
        Instant at,
        String instrument,
        Map<String, Long> records,
        long errors,
        long warnings,
        List<Violation> violations,
        Map<String, Long> countsByCode,
        List<Missingness> missingness) {
    public ValidationReport {
        records = Map.copyOf(records);
        violations = List.copyOf(violations);
        countsByCode = Map.copyOf(countsByCode);
        missingness = List.copyOf(missingness);
    }

    /** Whether the study may be snapshotted. */
    public boolean passed() {
        return errors == 0;
    }
}
