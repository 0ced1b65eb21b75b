package org.tfeval.measures;

import java.util.Objects;
import java.util.regex.Pattern;
import org.tfeval.instrument.measures.Grantee;

/**
 * One reported count: a task force's grantee, award, quarter, measure and disaggregation.
 *
 * @param tfId           the task force
 * @param grantee        which grantee reported it (its reporting system)
 * @param award          the award it was reported under
 * @param quarter        the fiscal quarter
 * @param measureId      the catalogue measure
 * @param disaggregation the total or one category
 * @param value          the count, never negative
 */
public record MeasureValue(
        String tfId,
        Grantee grantee,
        String award,
        FiscalQuarter quarter,
        String measureId,
        Disaggregation disaggregation,
        long value) {
    /** Task-force IDs, as in the case-file instrument. */
    public static final Pattern TF_ID = Pattern.compile("^[A-Z][A-Z0-9]{1,7}$");

    public MeasureValue {
        Objects.requireNonNull(tfId, "tfId");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(disaggregation, "disaggregation");
        if (value < 0) throw new IllegalArgumentException("a count cannot be negative");
    }

    /** What identifies the value (everything but the award and the number). */
    public Key key() {
        return new Key(tfId, grantee, measureId, disaggregation, quarter);
    }

    /**
     * What identifies a value: a second value with the same key and another number is a conflict.
     */
    public record Key(
            String tfId, Grantee grantee, String measureId, Disaggregation disaggregation, FiscalQuarter quarter) {
        public Key {
            Objects.requireNonNull(tfId, "tfId");
            Objects.requireNonNull(grantee, "grantee");
            Objects.requireNonNull(measureId, "measureId");
            Objects.requireNonNull(disaggregation, "disaggregation");
            Objects.requireNonNull(quarter, "quarter");
        }

        /** The same key for the measure's total. */
        public Key total() {
            return new Key(tfId, grantee, measureId, Disaggregation.TOTAL, quarter);
        }

        /** {@code TF01/LE/LE_ARRESTS/age=minor/FY2020Q1}: the record ID in violations (no values). */
        public String display() {
            return tfId + "/" + grantee.code() + "/" + measureId + "/" + disaggregation + "/" + quarter.code();
        }
    }
}
