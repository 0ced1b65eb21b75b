package org.tfeval.instrument;

import java.util.List;
import java.util.Objects;
import org.tfeval.instrument.expression.Expression;

/** A rule the instrument carries beyond single-variable checks. */
public sealed interface Rule permits Rule.DateOrder, Rule.Require {

    /** Stable rule id, quoted in violations. */
    String id();

    /** The form whose records the rule checks. */
    String form();

    /** Error or warning. */
    Severity severity();

    /** Words a coder understands. */
    String message();

    /**
     * Dates must not decrease along the list; a date may be written {@code parentForm.VAR}
     * to compare with the linked parent record.
     */
    record DateOrder(String id, String form, List<String> dates, Severity severity, String message) implements Rule {
        public DateOrder {
            Objects.requireNonNull(id, "id");
            dates = List.copyOf(dates);
            if (dates.size() < 2) {
                throw new IllegalArgumentException("rule " + id + ": a date order needs at least two dates");
            }
        }
    }

    /** When {@code when} holds, {@code then} must hold too (unknown values never fail). */
    record Require(String id, String form, Expression when, Expression then, Severity severity, String message)
            implements Rule {
        public Require {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(when, id + ": when");
            Objects.requireNonNull(then, id + ": then");
        }
    }
}
