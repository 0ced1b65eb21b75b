package org.tfeval.instrument;

import java.util.Objects;
import org.tfeval.instrument.expression.Expression;

/**
 * How a derived variable is computed from the records of a child form.
 *
 * @param kind  count of child records, or whether any child record satisfies {@code where}
 * @param form  the child form
 * @param where the condition for {@link Kind#ANY}; null for {@link Kind#COUNT}
 */
public record Derivation(Kind kind, String form, Expression where) {
    /** The aggregate. */
    public enum Kind {
        /** Number of child records. */
        COUNT,
        /** 1 when any child record satisfies the condition, else 0. */
        ANY
    }

    public Derivation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(form, "form");
        if ((kind == Kind.ANY) != (where != null)) {
            throw new IllegalArgumentException(
                    "derivation " + kind + " of " + form + ": 'where' is required for ANY only");
        }
    }
}
