package org.tfeval.release.disclosure;

import org.tfeval.instrument.VariableType;

/** Drops every free-text variable (instrument type {@code text}): free text can name anyone. */
public final class DropFreeText implements DisclosureRule {
    @Override
    public void apply(ReleaseWork work) {
        for (PlannedVariable v : work.allVariables()) {
            if (work.instrument()
                    .form(v.form())
                    .find(v.source())
                    .map(s -> s.type() == VariableType.TEXT)
                    .orElse(false)) {
                work.drop(v, getClass().getSimpleName(), "dropped: free text is never released");
            }
        }
    }
}
