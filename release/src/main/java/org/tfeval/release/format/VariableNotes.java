package org.tfeval.release.format;

import java.util.Objects;

/**
 * What a codebook says about a variable beyond its values, from the instrument and the release: to
 * whom it applies (the universe, from the instrument's skip logic) and how it was derived (from child
 * records, or by the release's disclosure control).
 *
 * @param universe who the variable applies to, in words; empty: every record of the dataset
 * @param derivation how the variable was computed, in words; empty when it was recorded as is
 */
public record VariableNotes(String universe, String derivation) {
    public VariableNotes {
        universe = Objects.requireNonNullElse(universe, "").strip();
        derivation = Objects.requireNonNullElse(derivation, "").strip();
    }

    /** Nothing to say. */
    public static final VariableNotes NONE = new VariableNotes("", "");

    public boolean isEmpty() {
        return universe.isEmpty() && derivation.isEmpty();
    }
}
