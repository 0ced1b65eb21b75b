package org.tfeval.release.disclosure;

import org.tfeval.instrument.DisclosureRole;

/** Drops every variable whose disclosure role is {@code direct} (names, narratives): never released at any level. */
public final class DropDirectIdentifiers implements DisclosureRule {
    @Override
    public void apply(ReleaseWork work) {
        for (PlannedVariable v : work.allVariables()) {
            if (v.role() == DisclosureRole.DIRECT) {
                work.drop(
                        v,
                        getClass().getSimpleName(),
                        "dropped: a direct identifier (disclosure role direct) is never released");
            }
        }
    }
}
