package org.tfeval.measures.compare;

/** How a reported total compares with the count the coded case files give. */
public enum Difference {
    SAME("the coded case files account for every reported unit"),
    SAMPLE_BELOW_REPORTED(
            "expected: the coded files are a sample of the task force's closed cases, so they hold part of what"
                    + " it reported; open cases and cases outside the sample are not coded"),
    COMPUTED_ABOVE_REPORTED(
            "the coded files show more than the grantee reported: check under-reporting, or a different date"
                    + " rule (tfeval dates the event; a grantee may count the quarter it learned of it)"),
    NOT_REPORTED("the coded files show units in a quarter the grantee reported nothing for");

    private final String explanation;

    Difference(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    /** Whether a person should look at it. */
    public boolean needsReview() {
        return this == COMPUTED_ABOVE_REPORTED || this == NOT_REPORTED;
    }

    /** The comparison of a reported total (null: not reported) with a computed count. */
    public static Difference of(Long reported, long computed) {
        if (reported == null) return NOT_REPORTED;
        if (reported == computed) return SAME;
        return reported > computed ? SAMPLE_BELOW_REPORTED : COMPUTED_ABOVE_REPORTED;
    }
}
