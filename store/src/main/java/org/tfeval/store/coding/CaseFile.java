package org.tfeval.store.coding;

import java.time.Instant;
import java.util.Objects;

/**
 * A case file in coding.
 *
 * @param caseId       the case's key in the case form
 * @param tfId         the task force the case belongs to
 * @param caseRef      the reference in the sampled case list, or null for a case already stored
 * @param drawId       the sample draw it came from, or null
 * @param reconciledAt when the two passes were reconciled, or null
 * @param reconciledBy who reconciled, or null
 */
public record CaseFile(
        String caseId, String tfId, String caseRef, Long drawId, Instant reconciledAt, String reconciledBy) {
    public CaseFile {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(tfId, "tfId");
        if ((reconciledAt == null) != (reconciledBy == null)) {
            throw new IllegalArgumentException("case " + caseId + ": reconciledAt and reconciledBy go together");
        }
    }

    public boolean reconciled() {
        return reconciledAt != null;
    }
}
