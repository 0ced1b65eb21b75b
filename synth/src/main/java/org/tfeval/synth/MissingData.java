package org.tfeval.synth;

import java.util.Map;

/**
 * How often a value is missing from a case file: the share coded not recorded (-9) and the share
 * coded unknown (-8), per variable. Sensitive background (foster care, criminal record,
 * citizenship) is often missing, dates of the incident and later court events sometimes,
 * demographics rarely. Variables that skip logic, derived flags or {@code known()} rules read are
 * never made missing, whatever this table says (see {@link FormLayout}).
 */
final class MissingData {
    /** Rates {not recorded, unknown} by variable. */
    static final Map<String, double[]> RATES = Map.ofEntries(
            Map.entry("TF_N_MEMBERS", new double[] {0.0, 0.10}),
            Map.entry("SEX_SUBTYPE", new double[] {0.01, 0.02}),
            Map.entry("LABOR_INDUSTRY", new double[] {0.02, 0.0}),
            Map.entry("INCIDENT_DATE", new double[] {0.04, 0.0}),
            Map.entry("CASE_OPEN_DATE", new double[] {0.01, 0.0}),
            Map.entry("ID_SOURCE", new double[] {0.02, 0.0}),
            Map.entry("ACTUAL_VICTIM", new double[] {0.01, 0.0}),
            Map.entry("LOCATION", new double[] {0.02, 0.01}),
            Map.entry("EVID_VICTIM_STMT", new double[] {0.01, 0.0}),
            Map.entry("EVID_SUSPECT_STMT", new double[] {0.01, 0.0}),
            Map.entry("EVID_WITNESS", new double[] {0.01, 0.0}),
            Map.entry("EVID_PHONE", new double[] {0.01, 0.0}),
            Map.entry("EVID_ONLINE_ADS", new double[] {0.01, 0.0}),
            Map.entry("EVID_FINANCIAL", new double[] {0.01, 0.0}),
            Map.entry("EVID_SURVEILLANCE", new double[] {0.01, 0.0}),
            Map.entry("EVID_HOTEL_RECORDS", new double[] {0.01, 0.0}),
            Map.entry("EVID_PHYSICAL", new double[] {0.01, 0.0}),
            Map.entry("EVID_SOCIAL_MEDIA", new double[] {0.01, 0.0}),
            Map.entry("N_AGENCIES", new double[] {0.01, 0.0}),
            Map.entry("VENUE", new double[] {0.02, 0.0}),
            Map.entry("V_AGE", new double[] {0.03, 0.03}),
            Map.entry("V_MINOR", new double[] {0.01, 0.01}),
            Map.entry("V_GENDER", new double[] {0.01, 0.0}),
            Map.entry("V_RACE", new double[] {0.05, 0.03}),
            Map.entry("V_HISPANIC", new double[] {0.08, 0.02}),
            Map.entry("V_CITIZEN", new double[] {0.05, 0.05}),
            Map.entry("V_CRIM_RECORD", new double[] {0.12, 0.03}),
            Map.entry("V_FOSTER_CARE", new double[] {0.30, 0.05}),
            Map.entry("V_INTERVIEWED", new double[] {0.02, 0.0}),
            Map.entry("V_CHARGED", new double[] {0.02, 0.0}),
            Map.entry("V_REFERRED_SERVICES", new double[] {0.05, 0.0}),
            Map.entry("V_COOPERATED", new double[] {0.05, 0.0}),
            Map.entry("V_TESTIFIED", new double[] {0.03, 0.0}),
            Map.entry("V_REL_SUSPECT", new double[] {0.06, 0.04}),
            Map.entry("S_AGE", new double[] {0.03, 0.01}),
            Map.entry("S_SEX", new double[] {0.005, 0.0}),
            Map.entry("S_RACE", new double[] {0.02, 0.01}),
            Map.entry("S_HISPANIC", new double[] {0.06, 0.02}),
            Map.entry("S_CITIZEN", new double[] {0.05, 0.05}),
            Map.entry("S_CRIM_RECORD", new double[] {0.08, 0.02}),
            Map.entry("S_ROLE", new double[] {0.01, 0.0}),
            Map.entry("S_ARREST_DATE", new double[] {0.02, 0.0}),
            Map.entry("S_ARREST_CHARGE_LEVEL", new double[] {0.03, 0.0}),
            Map.entry("S_VENUE", new double[] {0.02, 0.0}),
            Map.entry("S_DISPOSITION_DATE", new double[] {0.03, 0.0}),
            Map.entry("S_SENTENCE_MONTHS", new double[] {0.04, 0.0}),
            Map.entry("S_SENTENCE_DATE", new double[] {0.04, 0.0}),
            Map.entry("OFFENSE_DATE", new double[] {0.03, 0.0}),
            Map.entry("OFFENSE_CODE", new double[] {0.02, 0.0}),
            Map.entry("OFFENSE_IS_HT", new double[] {0.01, 0.0}));

    private MissingData() {}

    /** The rates of a variable: {not recorded, unknown}; zero when the table has none. */
    static double[] rates(String variable) {
        double[] r = RATES.get(variable);
        return r == null ? new double[] {0, 0} : r.clone();
    }
}
