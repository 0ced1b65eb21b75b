package org.tfeval.instrument.disclosure;

import java.util.List;
import java.util.Objects;
import org.tfeval.instrument.ReleaseLevel;

/**
 * An attacker assumed at a release level: what outside sources they hold, and the released
 * variables those sources let them match on (the quasi-identifiers that follow from them).
 *
 * @param name short name ({@code docket})
 * @param level the release level the attacker is assumed at (a public attacker is assumed at the
 *     restricted level too only when declared there)
 * @param description the attacker in words
 * @param sources the outside sources assumed
 * @param knows released variables ({@code form.VARIABLE}, as the release names them: years,
 *     intervals, task-force region) the sources give
 */
public record Attacker(String name, ReleaseLevel level, String description, List<String> sources, List<String> knows) {
    public Attacker {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(description, "description");
        sources = List.copyOf(sources);
        knows = List.copyOf(knows);
        if (name.isBlank()) {
            throw new IllegalArgumentException("an attacker needs a name");
        }
        if (level == ReleaseLevel.DROP) {
            throw new IllegalArgumentException("attacker " + name + ": level is restricted or public");
        }
        if (sources.isEmpty() || knows.isEmpty()) {
            throw new IllegalArgumentException("attacker " + name + " needs its sources and what they give (knows)");
        }
        for (String k : knows) {
            if (k.indexOf('.') <= 0) {
                throw new IllegalArgumentException(
                        "attacker " + name + ": '" + k + "' must be written form.VARIABLE (as released)");
            }
        }
    }
}
