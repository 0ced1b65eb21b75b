package org.tfeval.stats.table;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Fisher's exact test of independence for r x c tables, two-sided as R's {@code fisher.test}: the
 * p-value sums the probabilities (hypergeometric, margins fixed) of all tables no more probable than the
 * observed one, with R's tie allowance {@code p <= p_obs * (1 + 1e-7)}.
 * <p>
 * The network algorithm of Mehta and Patel (1983), in its plain form: tables are built column by column;
 * a node is the multiset of remaining row totals (sorted, since rows are exchangeable for the future) and
 * carries the distinct "past" log-probabilities of the partial tables that reach it, with their
 * multiplicities. At each node a relaxed bound on the completions (each remaining column optimised on
 * its own) decides per past whether every completion counts (their total probability is added in closed
 * form from the multinomial identity), none does (dropped), or the node must be expanded. Pasts that
 * agree to {@link #MERGE_TOLERANCE} in log-probability are merged.
 */
public final class FisherExactTest {

    /** R's {@code relErr}: tables with probability up to {@code p_obs * (1 + 1e-7)} count as "as extreme". */
    public static final double RELATIVE_TOLERANCE = 1e-7;

    /**
     * Pasts whose log-probabilities differ by less than this are merged (a relative probability error far
     * below R's 1e-7 tie allowance).
     */
    public static final double MERGE_TOLERANCE = 1e-12;

    /** Budget of (node, past) pairs per stage; beyond it the test refuses rather than run for hours. */
    public static final long MAX_PASTS_PER_STAGE = 50_000_000L;

    private FisherExactTest() {}

    /** Two-sided p-value. Rows and columns with zero totals are dropped (they do not affect the test). */
    public static double pValue(ContingencyTable table) {
        long[] r = Arrays.stream(table.rowTotals()).filter(v -> v > 0).toArray();
        long[] c = Arrays.stream(table.columnTotals()).filter(v -> v > 0).toArray();
        if (r.length < 2 || c.length < 2) {
            return 1.0;
        }
        long[][] x = compact(table);
        // enumerate along the longer dimension: rows = the shorter one
        if (r.length > c.length) {
            x = transpose(x);
            long[] t = r;
            r = c;
            c = t;
        }
        double logObs = 0;
        for (long[] row : x) {
            for (long v : row) {
                logObs -= lf(v);
            }
        }
        long n = 0;
        for (long v : r) {
            n += v;
        }
        double logK = -lf(n);
        for (long v : r) {
            logK += lf(v);
        }
        for (long v : c) {
            logK += lf(v);
        }
        long[] cols = c.clone();
        Arrays.sort(cols);
        double threshold = logObs + Math.log1p(RELATIVE_TOLERANCE);
        return Math.min(1.0, network(r, cols, threshold, logK));
    }

    /** Node key: sorted remaining row totals. */
    private record Node(long[] rem) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Node other && Arrays.equals(rem, other.rem);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rem);
        }
    }

    private static double network(long[] rows, long[] cols, double threshold, double logK) {
        int m = rows.length;
        long[] start = rows.clone();
        Arrays.sort(start);
        java.util.Map<Node, java.util.Map<Long, double[]>> stage = new java.util.HashMap<>();
        stage.computeIfAbsent(new Node(start), k -> new java.util.HashMap<>()).put(0L, new double[] {0.0, 1.0});
        double total = 0;
        java.util.List<java.util.Map<Node, double[]>> memo = newMemo(cols.length);
        for (int j = 0; j < cols.length - 1; j++) {
            java.util.Map<Node, java.util.Map<Long, double[]>> next = new java.util.HashMap<>();
            long pasts = 0;
            for (var entry : stage.entrySet()) {
                long[] rem = entry.getKey().rem();
                long remTotal = 0;
                for (long v : rem) {
                    remTotal += v;
                }
                double[] bounds = exactBounds(j, rem, cols, memo);
                double hi = bounds[0];
                double lo = bounds[1];
                double mass = lf(remTotal);
                for (long v : rem) {
                    mass -= lf(v);
                }
                for (int k = j; k < cols.length; k++) {
                    mass -= lf(cols[k]);
                }
                java.util.List<double[]> active = new java.util.ArrayList<>();
                for (double[] past : entry.getValue().values()) {
                    if (past[0] + hi <= threshold) {
                        total += past[1] * Math.exp(past[0] + mass + logK);
                    } else if (past[0] + lo <= threshold) {
                        active.add(past);
                    }
                }
                if (active.isEmpty()) {
                    continue;
                }
                long[] suffix = new long[m + 1];
                for (int i = m - 1; i >= 0; i--) {
                    suffix[i] = suffix[i + 1] + rem[i];
                }
                java.util.List<long[]> vectors = new java.util.ArrayList<>();
                columns(0, cols[j], rem, suffix, new long[m], vectors);
                boolean lastFree = j == cols.length - 2;
                for (long[] xv : vectors) {
                    double lfx = 0;
                    long[] nr = new long[m];
                    for (int i = 0; i < m; i++) {
                        lfx -= lf(xv[i]);
                        nr[i] = rem[i] - xv[i];
                    }
                    if (lastFree) {
                        // the last column is determined: finish these tables here
                        for (long v : nr) {
                            lfx -= lf(v);
                        }
                        for (double[] past : active) {
                            if (past[0] + lfx <= threshold) {
                                total += past[1] * Math.exp(past[0] + lfx + logK);
                            }
                        }
                        continue;
                    }
                    Arrays.sort(nr);
                    var pastMap = next.computeIfAbsent(new Node(nr), k -> new java.util.HashMap<>());
                    for (double[] past : active) {
                        double v = past[0] + lfx;
                        long key = Math.round(v / MERGE_TOLERANCE);
                        double[] slot = pastMap.get(key);
                        if (slot == null) {
                            pastMap.put(key, new double[] {v, past[1]});
                            if (++pasts > MAX_PASTS_PER_STAGE) {
                                throw new IllegalStateException(
                                        "Fisher's exact test: table too large to enumerate exactly");
                            }
                        } else {
                            slot[1] += past[1];
                        }
                    }
                }
            }
            stage = next;
        }
        for (var entry : stage.entrySet()) {
            double last = 0;
            for (long v : entry.getKey().rem()) {
                last -= lf(v);
            }
            for (double[] past : entry.getValue().values()) {
                double v = past[0] + last;
                if (v <= threshold) {
                    total += past[1] * Math.exp(v + logK);
                }
            }
        }
        return total;
    }

    private static java.util.List<java.util.Map<Node, double[]>> newMemo(int stages) {
        java.util.List<java.util.Map<Node, double[]>> memo = new java.util.ArrayList<>(stages);
        for (int k = 0; k < stages; k++) {
            memo.add(new java.util.HashMap<>());
        }
        return memo;
    }

    /**
     * Largest and smallest {@code -sum log x!} over all completions of the table from column {@code j}
     * given the remaining row totals {@code rem} (sorted): FEXACT's longest and shortest paths, by
     * recursion over columns with memoisation per node.
     */
    private static double[] exactBounds(
            int j, long[] rem, long[] cols, java.util.List<java.util.Map<Node, double[]>> memo) {
        if (j == cols.length - 1) {
            double v = 0;
            for (long r : rem) {
                v -= lf(r);
            }
            return new double[] {v, v};
        }
        Node key = new Node(rem);
        double[] cached = memo.get(j).get(key);
        if (cached != null) {
            return cached;
        }
        int m = rem.length;
        long[] suffix = new long[m + 1];
        for (int i = m - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + rem[i];
        }
        java.util.List<long[]> vectors = new java.util.ArrayList<>();
        columns(0, cols[j], rem, suffix, new long[m], vectors);
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (long[] xv : vectors) {
            double lfx = 0;
            long[] nr = new long[m];
            for (int i = 0; i < m; i++) {
                lfx -= lf(xv[i]);
                nr[i] = rem[i] - xv[i];
            }
            Arrays.sort(nr);
            double[] child = exactBounds(j + 1, nr, cols, memo);
            hi = Math.max(hi, lfx + child[0]);
            lo = Math.min(lo, lfx + child[1]);
        }
        double[] out = {hi, lo};
        memo.get(j).put(key, out);
        return out;
    }

    /** All column vectors x with {@code sum x = left} and {@code x_i <= rem_i}. */
    private static void columns(int i, long left, long[] rem, long[] suffix, long[] x, java.util.List<long[]> out) {
        int m = rem.length;
        if (i == m - 1) {
            if (left <= rem[i]) {
                x[i] = left;
                out.add(x.clone());
            }
            return;
        }
        long min = Math.max(0, left - suffix[i + 1]);
        long max = Math.min(rem[i], left);
        for (long a = min; a <= max; a++) {
            x[i] = a;
            columns(i + 1, left - a, rem, suffix, x, out);
        }
    }

    /** Largest {@code -sum log x_i!} with {@code sum x = c}, {@code x_i <= cap_i}: spread evenly (water-filling). */
    static double maxColumn(long c, long[] cap) {
        long[] sorted = cap.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double out = 0;
        long left = c;
        for (int i = 0; i < m; i++) {
            long share = left / (m - i);
            long take = Math.min(sorted[i], share);
            if (take == sorted[i]) {
                out -= lf(take);
                left -= take;
            } else {
                // remaining cells all have capacity >= share: split left as evenly as possible
                int cells = m - i;
                long base = left / cells;
                long extra = left % cells;
                out -= extra * lf(base + 1) + (cells - extra) * lf(base);
                left = 0;
                break;
            }
        }
        return out;
    }

    /** Smallest {@code -sum log x_i!} with {@code sum x = c}, {@code x_i <= cap_i}: fill the largest cells first. */
    static double minColumn(long c, long[] cap) {
        long[] sorted = cap.clone();
        Arrays.sort(sorted);
        double out = 0;
        long left = c;
        for (int i = sorted.length - 1; i >= 0 && left > 0; i--) {
            long take = Math.min(sorted[i], left);
            out -= lf(take);
            left -= take;
        }
        return out;
    }

    /** {@code log v!}; from a table for small v (every count in typical tables). */
    static double lf(long v) {
        return v < LOG_FACTORIALS.length ? LOG_FACTORIALS[(int) v] : LogGamma.value(v + 1.0);
    }

    /** Size of the {@code log n!} table. */
    private static final int LOG_FACTORIAL_TABLE = 100_000;

    private static final double[] LOG_FACTORIALS = logFactorials(LOG_FACTORIAL_TABLE);

    private static double[] logFactorials(int size) {
        double[] t = new double[size];
        for (int i = 2; i < size; i++) {
            t[i] = LogGamma.value(i + 1.0);
        }
        return t;
    }

    private static long[][] compact(ContingencyTable t) {
        long[] r = t.rowTotals();
        long[] c = t.columnTotals();
        return Arrays.stream(t.counts())
                .filter(row -> Arrays.stream(row).sum() > 0)
                .map(row -> {
                    long[] out =
                            new long[(int) Arrays.stream(c).filter(v -> v > 0).count()];
                    for (int j = 0, k = 0; j < row.length; j++) {
                        if (c[j] > 0) {
                            out[k++] = row[j];
                        }
                    }
                    return out;
                })
                .toArray(long[][]::new);
    }

    private static long[][] transpose(long[][] x) {
        long[][] t = new long[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }
}
