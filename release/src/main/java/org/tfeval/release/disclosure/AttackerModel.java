package org.tfeval.release.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.disclosure.Attacker;

/**
 * The instrument's attackers at the release level make quasi-identifiers of what their sources give
 * (dates as years and intervals, sentence length, charges, case size, the task force's profile),
 * whatever role the variable has otherwise. Runs after dates are coarsened and the task force's
 * profile is added, since the attackers name variables as released.
 */
public final class AttackerModel implements DisclosureRule {
    @Override
    public void apply(ReleaseWork work) {
        List<Attacker> attackers = work.instrument().disclosureModel().attackersAt(work.level());
        if (attackers.isEmpty()) {
            work.note("the instrument declares no attacker for this level: the quasi-identifiers are its "
                    + "disclosure roles only");
            return;
        }
        List<String> absent = new ArrayList<>();
        for (String name : work.instrument().disclosureModel().quasiIdentifiersAt(work.level())) {
            int dot = name.indexOf('.');
            String form = name.substring(0, dot);
            if (!work.forms().contains(form)) {
                absent.add(name);
                continue;
            }
            Optional<PlannedVariable> v = work.find(form, name.substring(dot + 1));
            if (v.isEmpty()) {
                absent.add(name);
                continue;
            }
            if (v.get().role() != DisclosureRole.QUASI) {
                work.replace(v.get(), v.get().withRole(DisclosureRole.QUASI));
                work.treat(
                        form,
                        v.get().name(),
                        getClass().getSimpleName(),
                        "a quasi-identifier: the attacker model's sources give it",
                        0);
            }
        }
        if (!absent.isEmpty()) {
            work.note("attacker-model variables not released at this level (nothing to protect): "
                    + String.join(", ", absent));
        }
    }
}
