package org.tfeval.release.disclosure;

import java.util.Locale;

/**
 * Drops every variable whose release level is below the level of the release ({@code drop} always;
 * {@code restricted} from a public release).
 */
public final class DropBelowLevel implements DisclosureRule {
    @Override
    public void apply(ReleaseWork work) {
        for (PlannedVariable v : work.allVariables()) {
            if (!v.release().includedIn(work.level())) {
                work.drop(
                        v,
                        getClass().getSimpleName(),
                        "dropped: release level " + v.release().name().toLowerCase(Locale.ROOT) + " is below "
                                + work.level().name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
