package org.tfeval.release.disclosure;

import java.util.List;
import org.tfeval.instrument.ReleaseLevel;

/** The named policy of each release level: its rules in the order they apply. */
public enum DisclosurePolicy {
    /**
     * Restricted-use files (under a data use agreement): no direct identifiers or free text, nothing
     * above the restricted level, identifiers pseudonymised; values otherwise as recorded.
     */
    RESTRICTED_USE(ReleaseLevel.RESTRICTED, "Restricted-use files") {
        @Override
        public List<DisclosureRule> rules(Thresholds t) {
            return List.of(
                    new DropDirectIdentifiers(),
                    new DropFreeText(),
                    new DropBelowLevel(),
                    new AttackerModel(),
                    new PseudonymiseIds());
        }
    },
    /**
     * Public-use files: as restricted, and dates as years or intervals, the task force as a generalized
     * profile on the case (never a pseudonym), the attacker model's variables as quasi-identifiers,
     * generalization by a lattice search over the instrument's hierarchies, remaining integer
     * quasi-identifiers in bands with coded tails, rare categories collapsed, k-anonymity in the
     * scenario's views by local suppression (with derivable dates and intervals treated together),
     * l-diversity on sensitive variables.
     */
    PUBLIC_USE(ReleaseLevel.PUBLIC, "Public-use files") {
        @Override
        public List<DisclosureRule> rules(Thresholds t) {
            return List.of(
                    new DropDirectIdentifiers(),
                    new DropFreeText(),
                    new DateIntervals(),
                    new CoarsenDates(),
                    new DropBelowLevel(),
                    new ReleaseGroupProfile(),
                    new AttackerModel(),
                    new PseudonymiseIds(),
                    new LatticeSearch(t.k()),
                    new GroupIntoBands(t.bandWidth()),
                    new TopCode(t.k(), t.bandWidth()),
                    new CollapseRareCategories(t.k()),
                    new LocalSuppression(t.k(), t.maxSuppressedValueShare(), t.maxRemovedCaseShare()),
                    new LDiversity(t.l(), t.maxSuppressedValueShare()));
        }
    };

    private final ReleaseLevel level;
    private final String title;

    DisclosurePolicy(ReleaseLevel level, String title) {
        this.level = level;
        this.title = title;
    }

    /** The rules, configured with the thresholds. */
    public abstract List<DisclosureRule> rules(Thresholds thresholds);

    public ReleaseLevel level() {
        return level;
    }

    public String title() {
        return title;
    }

    /** The policy of a release level. */
    public static DisclosurePolicy of(ReleaseLevel level) {
        for (DisclosurePolicy p : values()) {
            if (p.level == level) {
                return p;
            }
        }
        throw new IllegalArgumentException("no release at level " + level + "; a release is restricted or public");
    }
}
