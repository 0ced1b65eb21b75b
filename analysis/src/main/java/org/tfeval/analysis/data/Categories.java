package org.tfeval.analysis.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Counts of a categorical variable's documented codes among some rows, in code order, with the
 * rows whose value is a missing code or undocumented.
 *
 * @param counts   rows per documented code, every documented code present (possibly 0)
 * @param excluded rows left out
 */
public record Categories(Map<Long, Long> counts, Exclusions excluded) {
    public Categories {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(excluded, "excluded");
        counts.forEach((k, v) -> {
            if (v < 0) throw new IllegalArgumentException("count of code " + k + " must be >= 0, got " + v);
        });
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Rows with a documented code: the denominator of each category's share. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows with {@code code}. */
    public long count(long code) {
        return counts.getOrDefault(code, 0L);
    }

    /** Counts the documented {@code codes} of {@code column} among the rows {@code rows} accepts. */
    public static Categories of(IntColumn column, IntPredicate rows, List<Long> codes) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (Long c : codes) counts.put(c, 0L);
        long[] dense = new long[256];
        Exclusions.Counter ex = new Exclusions.Counter();
        for (int i = 0; i < column.size(); i++) {
            if (!rows.test(i)) continue;
            int v = column.get(i);
            if (v >= 0 && v < dense.length && counts.containsKey((long) v)) {
                dense[v]++;
            } else if (v >= 0 && counts.containsKey((long) v)) {
                counts.merge((long) v, 1L, Long::sum);
            } else {
                ex.add(v < 0 ? v : Exclusions.UNDOCUMENTED);
            }
        }
        for (int v = 0; v < dense.length; v++) {
            if (dense[v] > 0) counts.merge((long) v, dense[v], Long::sum);
        }
        return new Categories(counts, ex.build());
    }

    /**
     * The status of a row for the share of {@code code} among the documented {@code codes} of {@code column}:
     * {@link Share#EVENT} for {@code code}, {@link Share#NO_EVENT} for another documented code, else the missing
     * code (or {@link Exclusions#UNDOCUMENTED}), so that {@link Share#count} agrees with {@link #of}.
     */
    public static IntUnaryOperator status(IntColumn column, List<Long> codes, long code) {
        java.util.Set<Long> documented = java.util.Set.copyOf(codes);
        return i -> {
            int v = column.get(i);
            if (v == code) return Share.EVENT;
            if (v >= 0 && documented.contains((long) v)) return Share.NO_EVENT;
            return v < 0 ? v : Exclusions.UNDOCUMENTED;
        };
    }
}
