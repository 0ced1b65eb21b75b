package org.tfeval.release.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * Re-identification risk on the quasi-identifiers of the joined view at one stage of the release:
 * equivalence classes are the distinct combinations of quasi-identifier values, and a class's size is
 * the number of distinct cases among its rows.
 *
 * @param stage {@code original} (snapshot values), {@code recoded} (after coarsening, coding and
 *     collapsing) or {@code released}
 * @param quasiIdentifiers the quasi-identifiers measured ({@code form.VARIABLE})
 * @param rows rows of the joined view
 * @param cases distinct cases
 * @param classes equivalence classes
 * @param smallestClass size of the smallest class (0 when there are no rows)
 * @param casesAtRisk distinct cases with a row in a class smaller than k
 * @param rowsAtRisk rows in classes smaller than k
 * @param sampleUniques classes of a single case (each identifies its case)
 * @param sizes class-size distribution in buckets
 */
public record RiskProfile(
        String stage,
        List<String> quasiIdentifiers,
        long rows,
        long cases,
        long classes,
        long smallestClass,
        long casesAtRisk,
        long rowsAtRisk,
        long sampleUniques,
        List<SizeBucket> sizes) {

    public RiskProfile {
        Objects.requireNonNull(stage, "stage");
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        sizes = List.copyOf(sizes);
    }

    /**
     * Classes whose size is in {@code [from, to]}.
     *
     * @param to upper bound, {@link Long#MAX_VALUE} for an open bucket
     */
    public record SizeBucket(long from, long to, long classes, long rows) {}
}
