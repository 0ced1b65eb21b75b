package org.tfeval.analysis.data;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Shares of many groups counted in one pass over the rows (a share per task force, say), so that
 * large studies are read once per measure rather than once per group. Groups are numbered
 * {@code 0..groups-1}; shares of unions of groups are sums.
 */
public final class GroupedShares {
    private final long[] events;
    private final long[] trials;
    private final long[][] excluded;

    private GroupedShares(int groups) {
        if (groups < 0) throw new IllegalArgumentException("groups must be >= 0, got " + groups);
        events = new long[groups];
        trials = new long[groups];
        excluded = new long[groups][Exclusions.SLOTS];
    }

    /**
     * Counts rows {@code 0..n-1} into the group {@code groupOf} gives (negative: the row is skipped)
     * by their {@code status}, as {@link Share#count} does.
     */
    public static GroupedShares count(int n, int groups, IntUnaryOperator groupOf, IntUnaryOperator status) {
        GroupedShares g = new GroupedShares(groups);
        for (int i = 0; i < n; i++) {
            int k = groupOf.applyAsInt(i);
            if (k < 0) continue;
            int s = status.applyAsInt(i);
            if (s == Share.EVENT) {
                g.events[k]++;
                g.trials[k]++;
            } else if (s == Share.NO_EVENT) {
                g.trials[k]++;
            } else {
                g.excluded[k][Exclusions.slot(s)]++;
            }
        }
        return g;
    }

    /** Number of groups. */
    public int groups() {
        return events.length;
    }

    /** The share of one group. */
    public Share share(int group) {
        return sum(k -> k == group);
    }

    /** The share of the groups {@code groups} accepts, together. */
    public Share sum(IntPredicate groups) {
        long e = 0;
        long t = 0;
        long[] x = new long[Exclusions.SLOTS];
        for (int k = 0; k < events.length; k++) {
            if (!groups.test(k)) continue;
            e += events[k];
            t += trials[k];
            for (int c = 0; c < x.length; c++) x[c] += excluded[k][c];
        }
        java.util.Map<Integer, Long> m = new java.util.TreeMap<>();
        for (int c = 1; c < x.length; c++) {
            if (x[c] > 0) m.put(-c, x[c]);
        }
        return new Share(e, t, m.isEmpty() ? Exclusions.NONE : new Exclusions(m));
    }
}
