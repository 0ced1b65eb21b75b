package org.tfeval.instrument.validation;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param form       the form
 * @param file       the file name
 * @param sha256     SHA-256 of the file
 * @param rows       data rows read
 * @param inserted   records added
 * @param updated    records changed
 * @param unchanged  records already stored with the same values
 * @param errors     number of errors (the import stored nothing when above zero)
 * @param warnings   number of warnings
 * @param violations the first violations, in file order
 * @param countsByCode every violation counted by code
 * @param auditSeq   the audit event, or 0 when nothing was stored
 */
public record ImportResult(
        String form,
        String file,
        String sha256,
        long rows,
        long inserted,
        long updated,
        long unchanged,
        long errors,
        long warnings,
        List<Violation> violations,
        Map<String, Long> countsByCode,
        long auditSeq) {
    public ImportResult {
        violations = List.copyOf(violations);
        countsByCode = Map.copyOf(countsByCode);
    }

    /** Whether the records were stored. */
    public boolean stored() {
        return errors == 0;
    }
}
