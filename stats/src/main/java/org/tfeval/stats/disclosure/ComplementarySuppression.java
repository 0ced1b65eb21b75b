package org.tfeval.stats.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * Withholds counts below the minimum cell size (primary suppression) and then further entries until
 * none of them can be recovered from the published sums (complementary suppression). The published
 * sums are linear equations (a row total is the sum of its cells, a column total the sum of its
 * column, the grand total the sum of either; a codebook's valid count is the sum of its code
 * frequencies); the rule repeats, until nothing changes:
 * <ol>
 *   <li>an equation with exactly one withheld entry gets a second one;</li>
 *   <li>an equation whose withheld entries add up to fewer than the minimum cell size (but more
 *       than 0) gets one more, so that the reader cannot learn that they are all small.</li>
 * </ol>
 * The entry added is the smallest positive count in the equation that the reader does not already
 * know (known entries cannot protect anything), interior cells before totals, then zero counts; a
 * total whose unknown part is below the minimum cell size is itself withheld. Zero counts are
 * published: they are not small counts of people. Immutable.
 */
public final class ComplementarySuppression {
    /**
     * The minimum cell size: counts from 1 to 10 are withheld, as the Counter Trafficking Data
     * Collaborative publishes with k = 11. The one default of reports and codebooks.
     */
    public static final int MINIMUM_CELL_SIZE = 11;

    private final int threshold;

    private ComplementarySuppression(int threshold) {
        if (threshold < 2)
            throw new IllegalArgumentException("the suppression threshold must be >= 2, got " + threshold);
        this.threshold = threshold;
    }

    /** Withholds counts from 1 to {@code minimumCellSize - 1}. */
    public static ComplementarySuppression of(int minimumCellSize) {
        return new ComplementarySuppression(minimumCellSize);
    }

    /** Withholds counts from 1 to {@value #MINIMUM_CELL_SIZE} - 1. */
    public static ComplementarySuppression standard() {
        return of(MINIMUM_CELL_SIZE);
    }

    /** The minimum cell size: counts below it (and above 0) are withheld. */
    public int threshold() {
        return threshold;
    }

    /** Whether a count is below the threshold (and not zero). */
    public boolean small(long count) {
        return count > 0 && count < threshold;
    }

    /** Applies the rule to a two-way table with its totals. */
    public Suppression apply(CountTable t) {
        Layout l = new Layout(t);
        Withheld w = apply(l.counts);
        int rows = t.rows();
        int cols = t.columns();
        boolean[][] cell = new boolean[rows][cols];
        boolean[][] primary = new boolean[rows][cols];
        boolean[] rowTot = new boolean[rows];
        boolean[] colTot = new boolean[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cell[r][c] = w.withheld(l.cell(r, c));
                primary[r][c] = w.primary(l.cell(r, c));
            }
            rowTot[r] = l.rowTotal[r] >= 0 && w.withheld(l.rowTotal[r]);
        }
        for (int c = 0; c < cols; c++) colTot[c] = l.colTotal[c] >= 0 && w.withheld(l.colTotal[c]);
        return new Suppression(t, cell, rowTot, colTot, l.grand >= 0 && w.withheld(l.grand), primary);
    }

    /** Applies the rule to counts and the sums among them. */
    public Withheld apply(PublishedCounts p) {
        int n = p.size();
        boolean[] withheld = new boolean[n];
        boolean[] primary = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (p.known()[i]) continue;
            if (small(unknownPart(p, i))) {
                withheld[i] = true;
                primary[i] = true;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PublishedCounts.Sum s : p.sums()) {
                int count = 0;
                long sum = 0;
                for (int e : entries(s)) {
                    if (withheld[e]) {
                        count++;
                        sum += p.counts()[e];
                    }
                }
                if (count == 0) continue;
                if (count == 1 || small(sum)) {
                    int add = pick(p, s, withheld);
                    if (add >= 0) {
                        withheld[add] = true;
                        changed = true;
                    }
                }
            }
        }
        return new Withheld(p, withheld, primary);
    }

    /**
     * What an entry reveals on its own: its value, or for a total the smallest of its values less
     * the parts the reader knows (a column total less the reader's own row).
     */
    private static long unknownPart(PublishedCounts p, int entry) {
        long least = p.counts()[entry];
        for (PublishedCounts.Sum s : p.sums()) {
            if (s.total() != entry) continue;
            long unknown = p.counts()[entry];
            for (int part : s.parts()) unknown -= p.known()[part] ? p.counts()[part] : 0;
            least = Math.min(least, unknown);
        }
        return least;
    }

    /** The total first (when it is an entry), then the parts. */
    private static int[] entries(PublishedCounts.Sum s) {
        if (s.total() == PublishedCounts.Sum.PUBLISHED) return s.parts();
        int[] out = new int[s.parts().length + 1];
        out[0] = s.total();
        System.arraycopy(s.parts(), 0, out, 1, s.parts().length);
        return out;
    }

    private static int pick(PublishedCounts p, PublishedCounts.Sum s, boolean[] withheld) {
        int best = -1;
        long bestValue = Long.MAX_VALUE;
        int bestRank = Integer.MAX_VALUE;
        for (int e : entries(s)) {
            if (withheld[e] || p.known()[e]) continue;
            long v = p.counts()[e];
            // rank: positive interior cells, positive totals, zero cells, zero totals
            int rank = (v > 0 ? 0 : 2) + (p.isTotal(e) ? 1 : 0);
            if (rank < bestRank || (rank == bestRank && v < bestValue)) {
                best = e;
                bestRank = rank;
                bestValue = v;
            }
        }
        return best;
    }

    /**
     * A two-way table as entries: cells row by row, then the published row totals, column totals and
     * grand total; equations: rows, columns, the grand total by rows and by columns.
     */
    private static final class Layout {
        final int cols;
        final int[] rowTotal;
        final int[] colTotal;
        final int grand;
        final PublishedCounts counts;

        Layout(CountTable t) {
            int rows = t.rows();
            cols = t.columns();
            List<Long> values = new ArrayList<>();
            List<Boolean> known = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    values.add(t.cell(r, c));
                    known.add(t.knownRows()[r]);
                }
            }
            rowTotal = new int[rows];
            colTotal = new int[cols];
            for (int r = 0; r < rows; r++)
                rowTotal[r] = t.rowTotals() ? add(values, known, t.rowTotal(r), t.knownRows()[r]) : -1;
            for (int c = 0; c < cols; c++)
                colTotal[c] = t.columnTotals() ? add(values, known, t.columnTotal(c), false) : -1;
            grand = t.rowTotals() && t.columnTotals() ? add(values, known, t.grandTotal(), false) : -1;
            List<PublishedCounts.Sum> sums = new ArrayList<>();
            if (t.rowTotals()) {
                for (int r = 0; r < rows; r++) {
                    int[] parts = new int[cols];
                    for (int c = 0; c < cols; c++) parts[c] = cell(r, c);
                    sums.add(new PublishedCounts.Sum(rowTotal[r], parts));
                }
            }
            if (t.columnTotals()) {
                for (int c = 0; c < cols; c++) {
                    int[] parts = new int[rows];
                    for (int r = 0; r < rows; r++) parts[r] = cell(r, c);
                    sums.add(new PublishedCounts.Sum(colTotal[c], parts));
                }
            }
            if (grand >= 0) {
                sums.add(new PublishedCounts.Sum(grand, rowTotal.clone()));
                sums.add(new PublishedCounts.Sum(grand, colTotal.clone()));
            }
            long[] v = new long[values.size()];
            boolean[] k = new boolean[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
                k[i] = known.get(i);
            }
            counts = new PublishedCounts(v, k, sums);
        }

        int cell(int r, int c) {
            return r * cols + c;
        }

        private static int add(List<Long> values, List<Boolean> known, long value, boolean isKnown) {
            values.add(value);
            known.add(isKnown);
            return values.size() - 1;
        }
    }
}
