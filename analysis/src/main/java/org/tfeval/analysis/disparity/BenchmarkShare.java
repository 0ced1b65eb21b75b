package org.tfeval.analysis.disparity;

import java.util.Objects;

/**
 * One population share of a benchmark table.
 *
 * @param jurisdiction {@code US}, a USPS state code or a task-force ID
 * @param raceCode     the instrument's race code the share stands for
 * @param group        the population group as the source names it
 * @param share        share of the population, in (0, 1)
 * @param population   the population the share is of (the benchmark's denominator)
 * @param source       where the figure comes from
 */
public record BenchmarkShare(
        String jurisdiction, int raceCode, String group, double share, long population, String source) {
    public BenchmarkShare {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(source, "source");
        if (jurisdiction.isBlank()) throw new IllegalArgumentException("benchmark jurisdiction must not be blank");
        if (!(share > 0 && share < 1))
            throw new IllegalArgumentException(
                    "benchmark share of " + jurisdiction + " race " + raceCode + " must lie in (0, 1), got " + share);
        if (population < 1)
            throw new IllegalArgumentException(
                    "benchmark population of " + jurisdiction + " must be >= 1, got " + population);
    }

    /** People in the group: share times population, rounded. */
    public long members() {
        return Math.round(share * population);
    }
}
