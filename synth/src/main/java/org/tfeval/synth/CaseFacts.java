package org.tfeval.synth;

/**
 * The first stage of a synthetic case: what kind of case it is and what evidence the file holds.
 * Outcomes and the numbers of victims and suspects depend on these facts.
 *
 * @param closedYear    year the case was closed (from the sampling frame)
 * @param htType        HT_TYPE code (from the sampling frame)
 * @param sexSubtype    SEX_SUBTYPE code, 0 when the case involves no sex trafficking
 * @param laborIndustry LABOR_INDUSTRY code, 0 when the case involves no labor trafficking
 * @param idSource      ID_SOURCE code
 * @param actualVictim  an actual victim was present (not only an officer posing in a sting)
 * @param location      LOCATION code
 * @param evidence      evidence flags, in the order of {@link CaseModel#evidenceFlags()}
 */
record CaseFacts(
        int closedYear,
        int htType,
        int sexSubtype,
        int laborIndustry,
        int idSource,
        boolean actualVictim,
        int location,
        boolean[] evidence) {

    CaseFacts {
        evidence = evidence.clone();
    }

    /** Identified by an undercover sting. */
    boolean sting() {
        return idSource == CaseModel.SOURCE_STING;
    }

    /** A minor was involved (sex-trafficking subtype 2 or 3). */
    boolean minorInvolved() {
        return sexSubtype == 2 || sexSubtype == 3;
    }

    /** Labor trafficking only. */
    boolean labor() {
        return htType == CaseModel.HT_LABOR;
    }

    /** Number of evidence types in the file. */
    int evidenceCount() {
        int n = 0;
        for (boolean e : evidence) {
            if (e) n++;
        }
        return n;
    }

    /** Whether the file holds an evidence type. */
    boolean has(int evidenceIndex) {
        return evidenceIndex >= 0 && evidence[evidenceIndex];
    }
}
