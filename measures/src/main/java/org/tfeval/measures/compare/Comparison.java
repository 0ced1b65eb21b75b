package org.tfeval.measures.compare;

import java.util.Objects;
import org.tfeval.measures.FiscalQuarter;

/**
 * One task force, quarter and computable measure.
 *
 * @param tfId       the task force
 * @param measureId  the measure
 * @param quarter    the quarter
 * @param reported   the reported total, or null when not reported
 * @param computed   coded case-file records counted
 * @param difference how they compare, with its explanation
 */
public record Comparison(
        String tfId, String measureId, FiscalQuarter quarter, Long reported, long computed, Difference difference) {
    public Comparison {
        Objects.requireNonNull(tfId, "tfId");
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(difference, "difference");
        if (computed < 0) throw new IllegalArgumentException("a computed count cannot be negative");
    }

    /** Reported minus computed, or null when not reported. */
    public Long gap() {
        return reported == null ? null : reported - computed;
    }

    /** The share of the reported total the coded files account for, or NaN. */
    public double coverage() {
        return reported == null || reported == 0 ? Double.NaN : (double) computed / reported;
    }
}
