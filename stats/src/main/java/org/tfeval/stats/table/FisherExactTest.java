package org.tfeval.stats.table;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Fisher's exact test of independence for r x c tables, two-sided as R's {@code fisher.test}: the
 * p-value sums the probabilities (hypergeometric, margins fixed) of all tables no more probable than the
 * observed one, with R's tie allowance {@code p <= p_obs * (1 + 1e-7)}.
 * <p>
 * Tables are enumerated column by column. At each node a relaxed bound on the completions (each
 * remaining column optimised on its own, ignoring the coupling through row totals) decides whether all
 * completions count (their total probability is added in closed form from the multinomial identity),
 * none counts (pruned), or the node must be expanded: the idea of Mehta and Patel's (1983) network
 * algorithm, without its node merging.
 */
public final class FisherExactTest {

    /** R's {@code relErr}: tables with probability up to {@code p_obs * (1 + 1e-7)} count as "as extreme". */
    public static final double RELATIVE_TOLERANCE = 1e-7;

    /** Enumeration budget in nodes; beyond it the test refuses rather than run for hours. */
    public static final long MAX_NODES = 2_000_000_000L;

    private FisherExactTest() {
    }

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
        Search s = new Search(r.length, cols, logObs + Math.log1p(RELATIVE_TOLERANCE), logK);
        s.column(0, r.clone(), 0.0);
        return Math.min(1.0, s.total);
    }

    private static final class Search {
        final int rows;
        final long[] cols;
        final double threshold;
        final double logK;
        double total;
        long nodes;

        Search(int rows, long[] cols, double threshold, double logK) {
            this.rows = rows;
            this.cols = cols;
            this.threshold = threshold;
            this.logK = logK;
        }

        void column(int j, long[] rem, double v) {
            if (++nodes > MAX_NODES) {
                throw new IllegalStateException("Fisher's exact test: table too large to enumerate exactly");
            }
            if (j == cols.length - 1) {
                double lf = v;
                for (long x : rem) {
                    lf -= lf(x);
                }
                if (lf <= threshold) {
                    total += Math.exp(lf + logK);
                }
                return;
            }
            double hi = v;
            double lo = v;
            long remTotal = 0;
            for (long x : rem) {
                remTotal += x;
            }
            for (int k = j; k < cols.length; k++) {
                hi += maxColumn(cols[k], rem);
                lo += minColumn(cols[k], rem);
            }
            if (hi <= threshold) {
                double mass = lf(remTotal);
                for (long x : rem) {
                    mass -= lf(x);
                }
                for (int k = j; k < cols.length; k++) {
                    mass -= lf(cols[k]);
                }
                total += Math.exp(v + mass + logK);
                return;
            }
            if (lo > threshold) {
                return;
            }
            long[] suffix = new long[rows + 1];
            for (int i = rows - 1; i >= 0; i--) {
                suffix[i] = suffix[i + 1] + rem[i];
            }
            fill(j, 0, cols[j], rem, suffix, new long[rows], v);
        }

        private void fill(int j, int i, long left, long[] rem, long[] suffix, long[] x, double v) {
            if (i == rows - 1) {
                if (left > rem[i]) {
                    return;
                }
                x[i] = left;
                long[] next = new long[rows];
                double nv = v;
                for (int k = 0; k < rows; k++) {
                    next[k] = rem[k] - x[k];
                    nv -= lf(x[k]);
                }
                column(j + 1, next, nv);
                return;
            }
            long min = Math.max(0, left - suffix[i + 1]);
            long max = Math.min(rem[i], left);
            for (long a = min; a <= max; a++) {
                x[i] = a;
                fill(j, i + 1, left - a, rem, suffix, x, v);
            }
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

    static double lf(long v) {
        return LogGamma.value(v + 1.0);
    }

    private static long[][] compact(ContingencyTable t) {
        long[] r = t.rowTotals();
        long[] c = t.columnTotals();
        return Arrays.stream(t.counts()).filter(row -> Arrays.stream(row).sum() > 0)
                .map(row -> {
                    long[] out = new long[(int) Arrays.stream(c).filter(v -> v > 0).count()];
                    for (int j = 0, k = 0; j < row.length; j++) {
                        if (c[j] > 0) {
                            out[k++] = row[j];
                        }
                    }
                    return out;
                }).toArray(long[][]::new);
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
