package org.tfeval.release.disclosure;

/**
 * What disclosure control cost the data.
 *
 * @param quasiValues quasi-identifier values in the released records (absent and blank cells not counted)
 * @param suppressedQuasiValues of those, values set to -6 for k-anonymity
 * @param sensitiveValues sensitive values in the released records
 * @param suppressedSensitiveValues of those, values set to -6 for l-diversity
 * @param cases cases in the snapshot
 * @param removedCases cases left out (with their victims, suspects and offenses) because no
 *     suppression of values could put them in a class of k
 * @param collapsedCategories categories merged into another by {@link CollapseRareCategories}
 * @param recodedValues values changed by coding rules (top and bottom coding, collapsing)
 */
public record InformationLoss(
        long quasiValues,
        long suppressedQuasiValues,
        long sensitiveValues,
        long suppressedSensitiveValues,
        long cases,
        long removedCases,
        long collapsedCategories,
        long recodedValues) {

    /** Share of quasi-identifier values suppressed, 0 when there are none. */
    public double suppressedQuasiShare() {
        return quasiValues == 0 ? 0.0 : (double) suppressedQuasiValues / quasiValues;
    }

    /** Share of sensitive values suppressed, 0 when there are none. */
    public double suppressedSensitiveShare() {
        return sensitiveValues == 0 ? 0.0 : (double) suppressedSensitiveValues / sensitiveValues;
    }

    /** Share of all protected (quasi-identifier and sensitive) values suppressed. */
    public double suppressedShare() {
        long all = quasiValues + sensitiveValues;
        return all == 0 ? 0.0 : (double) (suppressedQuasiValues + suppressedSensitiveValues) / all;
    }

    /** Share of cases removed. */
    public double removedCaseShare() {
        return cases == 0 ? 0.0 : (double) removedCases / cases;
    }
}
