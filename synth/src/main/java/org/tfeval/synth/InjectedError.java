package org.tfeval.synth;

import java.util.Objects;

/**
 * An error the generator wrote on purpose, so that validation has something to find.
 *
 * @param form        the form of the record
 * @param recordId    the record's key as {@code RecordValidator.recordId} writes it
 *                    ({@code TF01-C0003-S1}, or {@code TF01-C0003-S1/2} for an offense)
 * @param variable    the variable the check reports
 * @param code        the violation code the check should raise: {@code out_of_range},
 *                    {@code undocumented_code}, {@code skip_not_applicable}, {@code rule:<rule id>}
 *                    (all found by {@code RecordValidator}), or the cross-form codes the store
 *                    checks, {@code derived_mismatch} and {@code date_order_parent}
 * @param description what was altered, in words
 */
public record InjectedError(String form, String recordId, String variable, String code, String description) {
    /** Codes that a check of single records cannot see; the store's cross-form checks find them. */
    public static final java.util.Set<String> CROSS_FORM_CODES =
            java.util.Set.of("derived_mismatch", "date_order_parent");

    public InjectedError {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }

    /** Whether only a check across forms (derived flags, dates in the parent record) finds it. */
    public boolean isCrossForm() {
        return CROSS_FORM_CODES.contains(code);
    }
}
