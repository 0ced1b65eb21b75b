package org.tfeval.stats.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * Counts as a reader would see them published, and the sums among them that the reader knows. An
 * entry is a count (a table cell or a total); a {@link Sum} says that one entry (or a number
 * published elsewhere, such as the row count of a dataset) is the sum of other entries.
 *
 * @param counts the entries, all >= 0
 * @param known  entries the reader knows already (a task force's own row in its own report): they
 *               are published and cannot hide anything
 * @param sums   the sums a reader can use, in the order the rule visits them
 */
public record PublishedCounts(long[] counts, boolean[] known, List<Sum> sums) {
    /**
     * One published sum.
     *
     * @param total the entry that is the sum, or {@link #PUBLISHED} when the sum is printed
     *              elsewhere and never withheld
     * @param parts the entries that add up to it
     */
    public record Sum(int total, int[] parts) {
        /** The total of a sum that is always published (it is no entry). */
        public static final int PUBLISHED = -1;

        public Sum {
            Objects.requireNonNull(parts, "parts");
            if (total < PUBLISHED)
                throw new IllegalArgumentException("a sum's total is an entry index or PUBLISHED, not " + total);
            parts = parts.clone();
        }
    }

    public PublishedCounts {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(known, "known");
        if (known.length != counts.length) {
            throw new IllegalArgumentException(
                    "one known flag per entry is needed: " + counts.length + " entries, " + known.length + " flags");
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0)
                throw new IllegalArgumentException("counts must be >= 0, entry " + i + " has " + counts[i]);
        }
        sums = List.copyOf(sums);
        for (Sum s : sums) {
            if (s.total() >= counts.length)
                throw new IllegalArgumentException("a sum's total " + s.total() + " is not an entry");
            long parts = 0;
            for (int p : s.parts()) {
                if (p < 0 || p >= counts.length)
                    throw new IllegalArgumentException("a sum's part " + p + " is not an entry");
                parts += counts[p];
            }
            if (s.total() != Sum.PUBLISHED && counts[s.total()] != parts) {
                throw new IllegalArgumentException(
                        "entry " + s.total() + " is " + counts[s.total()] + " but its parts add up to " + parts);
            }
        }
        counts = counts.clone();
        known = known.clone();
    }

    /** Number of entries. */
    public int size() {
        return counts.length;
    }

    /** The value of a sum's total (its parts added when it is published elsewhere). */
    public long total(Sum s) {
        if (s.total() != Sum.PUBLISHED) return counts[s.total()];
        long v = 0;
        for (int p : s.parts()) v += counts[p];
        return v;
    }

    /** Whether an entry is the total of some sum. */
    public boolean isTotal(int entry) {
        return sums.stream().anyMatch(s -> s.total() == entry);
    }
}
