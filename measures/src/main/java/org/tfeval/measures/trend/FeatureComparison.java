package org.tfeval.measures.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tfeval.stats.permutation.SitePermutationTest;

/**
 * Task forces compared by a feature, honest about what a few sites can show: each task force is one number
 * (its mean quarterly value), groups are described by their sites' range and median, and a p-value is given
 * only by the exact site permutation test, only for a two-level feature with at least
 * {@code minSitesPerGroup} sites in each group and at most {@link SitePermutationTest#MAX_SITES} sites.
 * Never a case-level test: quarters of one task force are not independent observations.
 */
public final class FeatureComparison {
    /** The task-force features trends compare task forces by (coded variables of the task_force form). */
    public static final java.util.List<String> TASK_FORCE_FEATURES =
            java.util.List.of("TF_SCOPE", "TF_COLOCATED", "TF_SPEC_UNIT", "TF_LEAD_MODEL");

    /** Fewest sites per group for any test (the same floor as the case analyses' site comparisons). */
    public static final int MIN_SITES_PER_GROUP = 3;

    private final int minSitesPerGroup;

    private FeatureComparison(int minSitesPerGroup) {
        if (minSitesPerGroup < 2) throw new IllegalArgumentException("a group needs at least 2 sites to compare");
        this.minSitesPerGroup = minSitesPerGroup;
    }

    public static FeatureComparison standard() {
        return new FeatureComparison(MIN_SITES_PER_GROUP);
    }

    public FeatureComparison withMinSitesPerGroup(int n) {
        return new FeatureComparison(n);
    }

    /**
     * One group of task forces.
     *
     * @param level  the feature's value
     * @param sites  task forces in it
     * @param min    smallest site value
     * @param median median site value
     * @param max    largest site value
     */
    public record Group(String level, int sites, double min, double median, double max) {}

    /**
     * A comparison.
     *
     * @param feature    the feature's name
     * @param measure    what was compared
     * @param groups     groups by level
     * @param test       the exact site permutation test (first group vs the other), or null when not given
     * @param note       what the comparison can and cannot show, in words
     */
    public record Result(
            String feature, String measure, List<Group> groups, SitePermutationTest.Result test, String note) {
        public Result {
            groups = List.copyOf(groups);
            Objects.requireNonNull(note, "note");
        }
    }

    /** Compares site values (by task force) across the levels of a feature (by task force). */
    public Result compare(String feature, String measure, Map<String, Double> siteValues, Map<String, String> levels) {
        Map<String, List<Double>> by = new TreeMap<>();
        siteValues.forEach((tf, v) -> {
            String level = levels.get(tf);
            if (level != null) by.computeIfAbsent(level, k -> new ArrayList<>()).add(v);
        });
        List<Group> groups = new ArrayList<>();
        by.forEach((level, v) -> {
            double[] a = Trends.sorted(v);
            groups.add(new Group(level, a.length, a[0], Trends.median(a), a[a.length - 1]));
        });
        int sites = groups.stream().mapToInt(Group::sites).sum();
        SitePermutationTest.Result test = null;
        String note;
        boolean enough = groups.size() == 2 && groups.stream().allMatch(g -> g.sites() >= minSitesPerGroup);
        if (enough && sites <= SitePermutationTest.MAX_SITES) {
            String arm = groups.get(0).level();
            List<String> tfs = new ArrayList<>();
            siteValues.keySet().stream().filter(levels::containsKey).sorted().forEach(tfs::add);
            double[] values = new double[tfs.size()];
            boolean[] inArm = new boolean[tfs.size()];
            for (int i = 0; i < tfs.size(); i++) {
                values[i] = siteValues.get(tfs.get(i));
                inArm[i] = levels.get(tfs.get(i)).equals(arm);
            }
            test = SitePermutationTest.test(values, inArm);
            note = sites + " task forces; exact site permutation test (each task force one value); the smallest"
                    + " p-value this split can give is "
                    + String.format(java.util.Locale.ROOT, "%.3f", test.smallestP())
                    + ". The sites were not sampled at random: a difference describes these task forces only.";
        } else {
            note = sites + " task forces in " + groups.size() + " group(s): descriptive only (a test needs two groups"
                    + " of at least " + minSitesPerGroup + " task forces each). Quarters of one task force are not"
                    + " independent, so no quarter- or case-level test is given.";
        }
        return new Result(feature, measure, groups, test, note);
    }
}
