package org.tfeval.measures.file;

/** The columns of a measure file, in file order; extra columns (a label, a note) are ignored. */
public enum Column {
    TF_ID(true),
    SYSTEM(true),
    AWARD(true),
    PERIOD_START(true),
    PERIOD_END(true),
    MEASURE_ID(true),
    DISAGGREGATION(false),
    VALUE(true);

    private final boolean required;

    Column(boolean required) {
        this.required = required;
    }

    /** Whether a row must fill it (DISAGGREGATION is blank for the total). */
    public boolean required() {
        return required;
    }
}
