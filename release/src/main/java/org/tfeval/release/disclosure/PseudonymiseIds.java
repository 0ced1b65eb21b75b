package org.tfeval.release.disclosure;

import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.sql.SqlIdentifier;

/**
 * Replaces every identifier (instrument type {@code id}: task force, case, victim, suspect) by a
 * keyed pseudonym: the first 64 bits of HMAC-SHA-256 under a key drawn for this release, over the
 * variable's name and the original value. The same original gets the same pseudonym in every
 * dataset of the release, so the datasets still link; another release draws another key, so its
 * files cannot be joined with this one's on identifiers. The key is not stored in the package.
 */
public final class PseudonymiseIds implements DisclosureRule {
    @Override
    public void apply(ReleaseWork work) {
        for (PlannedVariable v : work.allVariables()) {
            if (work.instrument()
                    .form(v.form())
                    .find(v.source())
                    .map(s -> s.type() == VariableType.ID)
                    .orElse(false)) {
                work.pseudonymise(v.name());
                work.replace(v, v.withValue(SqlIdentifier.quote("pn_" + v.name()) + ".pseudonym"));
                work.treat(
                        v.form(),
                        v.name(),
                        getClass().getSimpleName(),
                        "replaced by a keyed pseudonym (HMAC-SHA-256, 64 bits, key drawn for this release and not kept in the package)",
                        0);
            }
        }
    }
}
