package org.tfeval.study.field;

/** Which side of a conflict a coordinator keeps; the other value stays in the conflict's history. */
public enum Choice {
    /** The value (or the removal) made on the laptop. */
    FIELD("field"),
    /** The value the study holds (for a removal: keep the record). */
    OFFICE("office");

    private final String id;

    Choice(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Of a value in the conflict queue, the one this choice keeps. */
    String kept(String fieldValue, String officeValue) {
        return this == FIELD ? fieldValue : officeValue;
    }

    /** Of a value in the conflict queue, the one this choice sets aside. */
    String losing(String fieldValue, String officeValue) {
        return this == FIELD ? officeValue : fieldValue;
    }
}
