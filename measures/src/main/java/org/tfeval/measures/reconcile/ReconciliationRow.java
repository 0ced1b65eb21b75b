package org.tfeval.measures.reconcile;

import java.util.Objects;
import org.tfeval.measures.FiscalQuarter;

/**
 * One task force, quarter and pair.
 *
 * @param tfId        the task force
 * @param pairId      the catalogue pair
 * @param quarter     the quarter
 * @param lawEnforcement the LE total, or null when not reported
 * @param victimServices the VS total, or null when not reported
 * @param tolerance   the largest difference tolerated
 * @param kind        how they compare
 * @param explanation the newest recorded explanation, or null
 */
public record ReconciliationRow(
        String tfId,
        String pairId,
        FiscalQuarter quarter,
        Long lawEnforcement,
        Long victimServices,
        double tolerance,
        GapKind kind,
        String explanation) {
    public ReconciliationRow {
        Objects.requireNonNull(tfId, "tfId");
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(kind, "kind");
    }

    /** LE minus VS, or null when a side is missing. */
    public Long difference() {
        return lawEnforcement == null || victimServices == null ? null : lawEnforcement - victimServices;
    }

    public boolean flagged() {
        return kind.flagged();
    }

    /** Flagged and not yet explained. */
    public boolean open() {
        return flagged() && (explanation == null || explanation.isBlank());
    }
}
