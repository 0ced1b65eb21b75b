package org.tfeval.store.coding;

import java.time.Instant;
import java.util.Objects;

/**
 * One pass of a case file.
 *
 * @param caseId      the case
 * @param pass        first or second
 * @param coder       the account coding it
 * @param status      in progress or complete
 * @param assignedBy  who started or assigned it
 * @param assignedAt  when
 * @param completedAt when it was last marked complete, or null
 */
public record PassState(
        String caseId,
        Pass pass,
        String coder,
        PassStatus status,
        String assignedBy,
        Instant assignedAt,
        Instant completedAt) {
    public PassState {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(coder, "coder");
        Objects.requireNonNull(status, "status");
        if (status == PassStatus.COMPLETE && completedAt == null) {
            throw new IllegalArgumentException(
                    "case " + caseId + " pass " + pass.number() + ": a complete pass needs its completion time");
        }
    }

    public boolean complete() {
        return status == PassStatus.COMPLETE;
    }
}
