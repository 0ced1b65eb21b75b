package org.tfeval.report.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an attacker knows about non-negative integer counts: linear equations among them (a total is
 * the sum of its parts) and bounds on single counts (a printed count, a percentage printed with its
 * denominator). Decides, exhaustively, the values a count can take: bounds propagation gives an
 * interval that contains every consistent value, and a depth-first search with propagation finds
 * consistent assignments (witnesses) for the values at the ends of it. A count is <em>protected</em>
 * when consistent assignments exist for two values at least {@link #PROTECTION_WIDTH} apart, so that
 * the attacker learns it neither exactly nor to within plus or minus one.
 *
 * <p>Built by {@link #variable}, {@link #equation} and {@link #bound}; then queried. Not thread-safe.
 */
public final class CountSystem {
    /** A count is protected when consistent values at least this far apart exist (more than +/-1). */
    public static final long PROTECTION_WIDTH = 3;
    /** Search nodes per witness; a search that runs out counts as "no witness" (the safe side). */
    public static final int SEARCH_BUDGET = 20_000;

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final List<Long> truth = new ArrayList<>();
    private final List<long[]> bounds = new ArrayList<>();
    private final List<int[]> eqVars = new ArrayList<>();
    private final List<long[]> eqCoeffs = new ArrayList<>();
    private final List<Long> eqRhs = new ArrayList<>();
    private final long ceiling;
    private int nodes;

    /** Counts are at most {@code ceiling} (the largest published total): the search space. */
    public CountSystem(long ceiling) {
        if (ceiling < 0) throw new IllegalArgumentException("ceiling must be >= 0");
        this.ceiling = ceiling;
    }

    /** Declares a count with its true value (known to the auditor, not to the attacker); idempotent. */
    public int variable(String key, long value) {
        Objects.requireNonNull(key, "key");
        Integer i = index.get(key);
        if (i != null) return i;
        if (value < 0 || value > ceiling)
            throw new IllegalArgumentException("count " + key + " out of range 0.." + ceiling);
        index.put(key, keys.size());
        keys.add(key);
        truth.add(value);
        bounds.add(new long[] {0, ceiling});
        return keys.size() - 1;
    }

    public boolean has(String key) {
        return index.containsKey(key);
    }

    public int indexOf(String key) {
        Integer i = index.get(key);
        if (i == null) throw new IllegalArgumentException("no count " + key);
        return i;
    }

    public long truth(String key) {
        return truth.get(indexOf(key));
    }

    public List<String> keys() {
        return List.copyOf(keys);
    }

    /**
     * Adds {@code sum(coeffs[i] * counts[i]) = rhs} when it holds for the true values (a relation the
     * attacker knows from how the tables are built); returns whether it was added.
     */
    public boolean equation(List<String> counts, long[] coeffs, long rhs) {
        long s = 0;
        int[] v = new int[counts.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = indexOf(counts.get(i));
            s += coeffs[i] * truth.get(v[i]);
        }
        if (s != rhs) return false;
        eqVars.add(v);
        eqCoeffs.add(coeffs.clone());
        eqRhs.add(rhs);
        return true;
    }

    /** {@code total = sum(parts)}, when it holds. */
    public boolean sum(String total, List<String> parts) {
        List<String> all = new ArrayList<>();
        all.add(total);
        all.addAll(parts);
        long[] c = new long[all.size()];
        Arrays.fill(c, -1);
        c[0] = 1;
        return equation(all, c, 0);
    }

    /** The attacker learns {@code lo <= count <= hi} (ignored unless the true value lies inside). */
    public boolean bound(String key, long lo, long hi) {
        int i = indexOf(key);
        long t = truth.get(i);
        if (t < lo || t > hi) return false;
        long[] b = bounds.get(i);
        b[0] = Math.max(b[0], lo);
        b[1] = Math.min(b[1], hi);
        return true;
    }

    /** The attacker learns the count exactly. */
    public boolean known(String key, long value) {
        return bound(key, value, value);
    }

    /** What the attacker can work out about one count. */
    public record Exposure(String key, long truth, long low, long high, boolean exhausted) {
        /** Whether the count is protected: consistent values at least {@link #PROTECTION_WIDTH} apart. */
        public boolean protectedCount() {
            return high - low >= PROTECTION_WIDTH;
        }
    }

    /**
     * The consistent values of a count, as far as needed to decide protection: the smallest
     * consistent value, and the largest when it is within {@link #PROTECTION_WIDTH} of it; otherwise
     * a consistent value far enough away.
     */
    public Exposure expose(String key) {
        int target = indexOf(key);
        long t = truth.get(target);
        long[][] d = domains();
        if (!propagate(d)) throw new IllegalStateException("the true values violate the attacker's constraints");
        long lo = d[target][0];
        long hi = d[target][1];
        boolean exhausted = false;
        long min = t;
        for (long v = lo; v < t; v++) {
            Boolean w = witness(target, v);
            if (w == null) exhausted = true;
            if (Boolean.TRUE.equals(w)) {
                min = v;
                break;
            }
        }
        long max = t;
        for (long v = hi; v > t && v >= min + PROTECTION_WIDTH; v--) {
            Boolean w = witness(target, v);
            if (w == null) exhausted = true;
            if (Boolean.TRUE.equals(w)) {
                max = v;
                break;
            }
        }
        return new Exposure(key, t, min, max, exhausted);
    }

    /** True: a consistent assignment with the count at {@code v}; false: none; null: budget ran out. */
    private Boolean witness(int target, long v) {
        long[][] d = domains();
        d[target][0] = v;
        d[target][1] = v;
        nodes = 0;
        return search(d);
    }

    private Boolean search(long[][] d) {
        if (++nodes > SEARCH_BUDGET) return null;
        if (!propagate(d)) return false;
        int next = -1;
        long width = Long.MAX_VALUE;
        for (int i = 0; i < d.length; i++) {
            long w = d[i][1] - d[i][0];
            if (w > 0 && w < width) {
                width = w;
                next = i;
            }
        }
        if (next < 0) return true;
        // values nearest the true one first: the true assignment is consistent, so witnesses lie near it
        long t = Math.max(d[next][0], Math.min(d[next][1], truth.get(next)));
        boolean exhausted = false;
        for (long step = 0; ; step++) {
            boolean any = false;
            for (long v : step == 0 ? new long[] {t} : new long[] {t + step, t - step}) {
                if (v < d[next][0] || v > d[next][1]) continue;
                any = true;
                long[][] c = copy(d);
                c[next][0] = v;
                c[next][1] = v;
                Boolean r = search(c);
                if (Boolean.TRUE.equals(r)) return true;
                if (r == null) exhausted = true;
                if (nodes > SEARCH_BUDGET) return null;
            }
            if (!any) break;
        }
        return exhausted ? null : false;
    }

    /** Bounds consistency on every equation until nothing changes; false when a domain empties. */
    private boolean propagate(long[][] d) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = 0; e < eqVars.size(); e++) {
                int[] v = eqVars.get(e);
                long[] c = eqCoeffs.get(e);
                long rhs = eqRhs.get(e);
                long minSum = 0;
                long maxSum = 0;
                for (int i = 0; i < v.length; i++) {
                    long a = c[i] * d[v[i]][0];
                    long b = c[i] * d[v[i]][1];
                    minSum += Math.min(a, b);
                    maxSum += Math.max(a, b);
                }
                if (minSum > rhs || maxSum < rhs) return false;
                for (int i = 0; i < v.length; i++) {
                    long a = c[i] * d[v[i]][0];
                    long b = c[i] * d[v[i]][1];
                    long restMin = minSum - Math.min(a, b);
                    long restMax = maxSum - Math.max(a, b);
                    // c_i x_i lies in [rhs - restMax, rhs - restMin]
                    long lo = rhs - restMax;
                    long hi = rhs - restMin;
                    long xlo;
                    long xhi;
                    if (c[i] > 0) {
                        xlo = Math.floorDiv(lo + c[i] - 1, c[i]);
                        xhi = Math.floorDiv(hi, c[i]);
                    } else {
                        xlo = ceilDiv(-hi, -c[i]);
                        xhi = Math.floorDiv(-lo, -c[i]);
                    }
                    long[] dom = d[v[i]];
                    if (xlo > dom[0]) {
                        dom[0] = xlo;
                        changed = true;
                    }
                    if (xhi < dom[1]) {
                        dom[1] = xhi;
                        changed = true;
                    }
                    if (dom[0] > dom[1]) return false;
                    if (changed) {
                        // recompute the sums with the narrowed domain before the next variable
                        minSum = 0;
                        maxSum = 0;
                        for (int j = 0; j < v.length; j++) {
                            long p = c[j] * d[v[j]][0];
                            long q = c[j] * d[v[j]][1];
                            minSum += Math.min(p, q);
                            maxSum += Math.max(p, q);
                        }
                    }
                }
            }
        }
        return true;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private long[][] domains() {
        long[][] d = new long[bounds.size()][];
        for (int i = 0; i < d.length; i++) d[i] = bounds.get(i).clone();
        return d;
    }

    private static long[][] copy(long[][] d) {
        long[][] c = new long[d.length][];
        for (int i = 0; i < d.length; i++) c[i] = d[i].clone();
        return c;
    }
}
