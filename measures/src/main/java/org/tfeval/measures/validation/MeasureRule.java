package org.tfeval.measures.validation;

import java.util.Locale;

/** The rules a measure file must follow; each has a stable code violations carry. */
public enum MeasureRule {
    MISSING_FIELD("a required cell is blank"),
    BAD_TASK_FORCE("TF_ID is not a task-force ID"),
    UNKNOWN_SYSTEM("SYSTEM is neither LE nor VS"),
    BAD_DATE("a period date is not a date (YYYY-MM-DD)"),
    PERIOD_NOT_A_QUARTER("the period is not one federal fiscal quarter (Q1 = October-December)"),
    NOT_A_COUNT("VALUE is not a whole number"),
    NEGATIVE_COUNT("VALUE is negative"),
    UNKNOWN_MEASURE("MEASURE_ID is not in the measure catalogue"),
    WRONG_SYSTEM("the measure is reported by the other grantee"),
    UNKNOWN_DISAGGREGATION("DISAGGREGATION is not allowed for the measure"),
    CONFLICTING_VALUE("the same value is reported twice with different numbers"),
    DISAGGREGATION_ABOVE_TOTAL("the categories of a dimension add up to more than the total"),
    PERIODS_OVERLAP("two periods of the same measure overlap"),
    PERIOD_GAP("a quarter is missing between reported quarters of the measure");

    private final String description;

    MeasureRule(String description) {
        this.description = description;
    }

    /** The stable code: {@code measure:negative_count}. */
    public String code() {
        return "measure:" + name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The rule of a code, or null. */
    public static MeasureRule ofCode(String code) {
        for (MeasureRule r : values()) if (r.code().equals(code)) return r;
        return null;
    }
}
