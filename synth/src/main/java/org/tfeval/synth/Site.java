package org.tfeval.synth;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One synthetic task force: what the task-force form records about it, how many closed cases
 * it has and how many were sampled, and its effects on case outcomes (so that analyses of site
 * differences have something to find).
 *
 * @param index              0-based position
 * @param tfId               task-force ID ({@code TF01})
 * @param name               an obviously synthetic name
 * @param state              USPS state code
 * @param scope              TF_SCOPE code
 * @param leadLeType         TF_LEAD_LE_TYPE code
 * @param leadModel          TF_LEAD_MODEL code
 * @param colocated          members co-located
 * @param specUnit           dedicated trafficking unit in the lead agency
 * @param specProsecutor     specialized trafficking prosecutor
 * @param leUnitLocation     TF_LE_UNIT_LOCATION code
 * @param agencies           member agencies
 * @param members            members
 * @param firstFiscalYear    first ECM funding fiscal year
 * @param fundingCycle       fiscal year of the current award
 * @param purposeArea        TF_PURPOSE_AREA code
 * @param focus              TF_FOCUS code
 * @param laborPartner       a labor agency is a partner
 * @param mayArrestSurvivors said in interviews that it may arrest a survivor
 * @param sampleDrawnBy      TF_SAMPLE_DRAWN_BY code, 0 when the site provided no case files
 * @param fileMode           TF_FILE_MODE code, 0 when the site provided no case files
 * @param cases              sampled case files (0 when none were provided)
 * @param frameSize          closed cases on the site's case list (0 when none were provided)
 * @param arrestEffect       the site's shift of the log-odds of an arrest
 * @param prosecutionEffect  the site's shift of the log-odds of a prosecution
 * @param htChargeEffect     the site's shift of the log-odds of a trafficking charge
 */
record Site(
        int index,
        String tfId,
        String name,
        String state,
        int scope,
        int leadLeType,
        int leadModel,
        boolean colocated,
        boolean specUnit,
        boolean specProsecutor,
        int leUnitLocation,
        int agencies,
        int members,
        int firstFiscalYear,
        int fundingCycle,
        int purposeArea,
        int focus,
        boolean laborPartner,
        boolean mayArrestSurvivors,
        int sampleDrawnBy,
        int fileMode,
        int cases,
        long frameSize,
        double arrestEffect,
        double prosecutionEffect,
        double htChargeEffect) {

    /** TF_SCOPE: statewide. */
    static final int SCOPE_STATEWIDE = 4;
    /** The last year in which sampled cases were closed (the case files were collected in 2020). */
    static final int LAST_CLOSED_YEAR = 2019;

    Site {
        Objects.requireNonNull(tfId, "tfId");
        if (cases < 0 || frameSize < cases) {
            throw new IllegalArgumentException(
                    tfId + ": frame of " + frameSize + " closed cases cannot hold a sample of " + cases);
        }
        if ((sampleDrawnBy == 0) != (cases == 0) || (fileMode == 0) != (cases == 0)) {
            throw new IllegalArgumentException(
                    tfId + ": sampling and file mode are set exactly when the site provided case files");
        }
        if (firstFiscalYear > LAST_CLOSED_YEAR) {
            throw new IllegalArgumentException(tfId + ": first fiscal year " + firstFiscalYear
                    + " is after the last closed year " + LAST_CLOSED_YEAR);
        }
    }

    /** Whether the site provided case files. */
    boolean providesFiles() {
        return cases > 0;
    }

    /** Whether the task force covers a whole state. */
    boolean statewide() {
        return scope == SCOPE_STATEWIDE;
    }

    /** The day ECM funding began (1 October before the first fiscal year). */
    LocalDate programStart() {
        return LocalDate.of(firstFiscalYear - 1, 10, 1);
    }
}
