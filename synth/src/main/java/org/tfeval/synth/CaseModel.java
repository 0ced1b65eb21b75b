package org.tfeval.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the facts of a case: trafficking type and subtype, how it was identified, whether an
 * actual victim was present, where it happened and which evidence its file holds. Most cases are
 * sex trafficking, most often identified by undercover stings, many of which involve no actual
 * victim (an officer posed as one).
 */
final class CaseModel {
    static final int HT_SEX = 1;
    static final int HT_LABOR = 2;
    static final int HT_BOTH = 3;
    static final int HT_UNDETERMINED = 4;
    static final int SOURCE_STING = 1;
    static final int SOURCE_ONLINE_ADS = 2;
    static final int LOCATION_HOTEL = 1;

    /** HT_TYPE by TF_FOCUS (1 sex only, 2 mostly sex, 3 balanced, 4 mostly labor). */
    private static final Distribution[] HT_TYPE_BY_FOCUS = {
        Distribution.of(HT_SEX, 0.965, HT_BOTH, 0.010, HT_UNDETERMINED, 0.025),
        Distribution.of(HT_SEX, 0.90, HT_LABOR, 0.05, HT_BOTH, 0.02, HT_UNDETERMINED, 0.03),
        Distribution.of(HT_SEX, 0.72, HT_LABOR, 0.18, HT_BOTH, 0.05, HT_UNDETERMINED, 0.05),
        Distribution.of(HT_SEX, 0.35, HT_LABOR, 0.50, HT_BOTH, 0.10, HT_UNDETERMINED, 0.05),
    };

    private static final Distribution SEX_SUBTYPE = Distribution.of(1, 0.55, 2, 0.35, 3, 0.10);
    private static final Distribution LABOR_INDUSTRY =
            Distribution.of(1, 0.20, 2, 0.20, 3, 0.20, 4, 0.10, 5, 0.20, 6, 0.10);
    private static final Distribution[] ID_SOURCE_BY_TYPE = {
        Distribution.of(1, 0.46, 2, 0.14, 3, 0.12, 4, 0.08, 5, 0.09, 6, 0.04, 7, 0.05, 8, 0.02),
        Distribution.of(3, 0.35, 4, 0.20, 5, 0.20, 6, 0.15, 8, 0.10),
        Distribution.of(1, 0.10, 2, 0.10, 3, 0.30, 4, 0.20, 5, 0.20, 6, 0.10),
        Distribution.of(1, 0.10, 2, 0.10, 3, 0.30, 5, 0.20, 7, 0.20, 8, 0.10),
    };
    /** An actual victim was present: rare in stings (an officer posed), common otherwise. */
    static final double ACTUAL_VICTIM_IN_STING = 0.20;

    static final double ACTUAL_VICTIM_IN_AD_MONITORING = 0.60;
    static final double ACTUAL_VICTIM_OTHERWISE = 0.95;
    private static final Distribution LOCATION_STING = Distribution.of(1, 0.60, 2, 0.05, 3, 0.12, 4, 0.15, 7, 0.08);
    private static final Distribution LOCATION_SEX =
            Distribution.of(1, 0.40, 2, 0.25, 3, 0.15, 4, 0.10, 5, 0.05, 7, 0.05);
    private static final Distribution LOCATION_UNDETERMINED = Distribution.of(1, 0.20, 2, 0.30, 7, 0.30, 8, 0.20);
    /** LOCATION by LABOR_INDUSTRY (1 agriculture, 2 domestic, 3 restaurant, 4 construction, 5 massage/spa, 6 other). */
    private static final Distribution[] LOCATION_BY_INDUSTRY = {
        Distribution.of(6, 1),
        Distribution.of(2, 1),
        Distribution.of(7, 1),
        Distribution.of(7, 0.7, 8, 0.3),
        Distribution.of(5, 1),
        Distribution.of(7, 0.5, 8, 0.5),
    };

    private final List<String> evidenceFlags;
    private final int financial;

    /** A model whose evidence flags are the instrument's (group {@code evidence} of the case form). */
    CaseModel(List<String> evidenceFlags) {
        this.evidenceFlags = List.copyOf(evidenceFlags);
        this.financial = this.evidenceFlags.indexOf("EVID_FINANCIAL");
    }

    /** The evidence flag variables, in instrument order. */
    List<String> evidenceFlags() {
        return evidenceFlags;
    }

    /** The position of financial records among the evidence flags, or -1. */
    int financialEvidence() {
        return financial;
    }

    /** HT_TYPE of a closed case at a task force of a given focus. */
    static Distribution htTypes(int focus) {
        return HT_TYPE_BY_FOCUS[focus - 1];
    }

    /** Draws the facts of a case whose type and closing year the sampling frame fixed. */
    CaseFacts draw(int closedYear, int htType, SplittableRandom rng) {
        boolean sex = htType == HT_SEX || htType == HT_BOTH;
        boolean laborInvolved = htType == HT_LABOR || htType == HT_BOTH;
        int subtype = sex ? SEX_SUBTYPE.drawInt(rng) : 0;
        int industry = laborInvolved ? LABOR_INDUSTRY.drawInt(rng) : 0;
        int source = ID_SOURCE_BY_TYPE[htType - 1].drawInt(rng);
        double pVictim = source == SOURCE_STING
                ? ACTUAL_VICTIM_IN_STING
                : source == SOURCE_ONLINE_ADS ? ACTUAL_VICTIM_IN_AD_MONITORING : ACTUAL_VICTIM_OTHERWISE;
        boolean actual = Distribution.chance(rng, pVictim);
        int location;
        if (htType == HT_LABOR) {
            location = LOCATION_BY_INDUSTRY[industry - 1].drawInt(rng);
        } else if (htType == HT_UNDETERMINED) {
            location = LOCATION_UNDETERMINED.drawInt(rng);
        } else {
            location = (source == SOURCE_STING ? LOCATION_STING : LOCATION_SEX).drawInt(rng);
        }
        boolean[] evidence = new boolean[evidenceFlags.size()];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = Distribution.chance(
                    rng, evidenceProbability(evidenceFlags.get(i), htType, source, actual, location));
        }
        return new CaseFacts(closedYear, htType, subtype, industry, source, actual, location, evidence);
    }

    /** How likely a case file holds a type of evidence; evidence types the model does not know get a flat rate. */
    static double evidenceProbability(String flag, int htType, int source, boolean actualVictim, int location) {
        boolean sting = source == SOURCE_STING;
        boolean labor = htType == HT_LABOR;
        return switch (flag) {
            case "EVID_VICTIM_STMT" -> actualVictim ? 0.85 : 0.0;
            case "EVID_SUSPECT_STMT" -> 0.45;
            case "EVID_WITNESS" -> sting ? 0.55 : 0.30;
            case "EVID_PHONE" -> sting ? 0.60 : 0.70;
            case "EVID_ONLINE_ADS" -> labor ? 0.10 : source == SOURCE_ONLINE_ADS ? 0.95 : sting ? 0.70 : 0.45;
            case "EVID_FINANCIAL" -> sting ? 0.05 : labor ? 0.55 : 0.35;
            case "EVID_SURVEILLANCE" -> sting ? 0.50 : 0.30;
            case "EVID_HOTEL_RECORDS" -> location == LOCATION_HOTEL ? 0.50 : 0.03;
            case "EVID_PHYSICAL" -> 0.40;
            case "EVID_SOCIAL_MEDIA" -> 0.30;
            default -> 0.25;
        };
    }
}
