package org.tfeval.stats.disclosure;

import java.util.Objects;

/**
 * Which entries of {@link PublishedCounts} are withheld.
 *
 * @param counts   what was published
 * @param withheld the withheld entries
 * @param primary  entries withheld because they are (or reveal) a count below the minimum cell size;
 *                 the other withheld entries protect them
 */
public record Withheld(PublishedCounts counts, boolean[] withheld, boolean[] primary) {
    public Withheld {
        Objects.requireNonNull(counts, "counts");
        if (withheld.length != counts.size() || primary.length != counts.size()) {
            throw new IllegalArgumentException("withheld flags must match the entries");
        }
        withheld = withheld.clone();
        primary = primary.clone();
    }

    /** Whether an entry is withheld. */
    public boolean withheld(int entry) {
        return withheld[entry];
    }

    /** Whether an entry is withheld for its own sake (below the minimum cell size). */
    public boolean primary(int entry) {
        return primary[entry];
    }

    /** Whether an entry is withheld only to protect another. */
    public boolean complementary(int entry) {
        return withheld[entry] && !primary[entry];
    }
}
