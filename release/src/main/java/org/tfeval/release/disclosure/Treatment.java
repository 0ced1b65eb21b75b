package org.tfeval.release.disclosure;

import java.util.Objects;

/**
 * One thing a rule did to a variable, for the disclosure report.
 *
 * @param form the form (dataset)
 * @param variable the variable in the snapshot (or the released variable a rule created)
 * @param rule the rule's name ({@code TopCode})
 * @param description what was done, in words; never a value of a record
 * @param values number of values changed (0 for structural treatments such as dropping a variable)
 */
public record Treatment(String form, String variable, String rule, String description, long values) {
    public Treatment {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(description, "description");
        if (values < 0) {
            throw new IllegalArgumentException("values must not be negative: " + values);
        }
    }
}
