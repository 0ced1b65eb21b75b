package org.tfeval.report.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * Withholds the counts of other task forces that are below a threshold (primary suppression) and
 * then further entries until none of them can be recovered from the published totals
 * (complementary suppression). The published totals are linear equations (a row total is the sum
 * of its cells, a column total the sum of its column, the grand total the sum of either); the rule
 * repeats, until nothing changes:
 * <ol>
 *   <li>an equation with exactly one withheld entry gets a second one;</li>
 *   <li>an equation whose withheld entries add up to fewer than the threshold (but more than 0)
 *       gets one more, so that the reader cannot learn that they are all small.</li>
 * </ol>
 * The entry added is the smallest positive count in the equation that the reader does not already
 * know (known rows cannot protect anything), interior cells before totals, then zero counts; a
 * total whose unknown part is below the threshold is itself withheld. Zero counts are published:
 * they are not small counts of people.
 */
public final class ComplementarySuppression {
    /** Default threshold: counts 1 to 10 are withheld (CTDC's k = 11). */
    public static final int DEFAULT_THRESHOLD = 11;

    private final int threshold;

    private ComplementarySuppression(int threshold) {
        if (threshold < 2) throw new IllegalArgumentException("the suppression threshold must be >= 2, got " + threshold);
        this.threshold = threshold;
    }

    /** Withholds counts from 1 to {@code threshold - 1}. */
    public static ComplementarySuppression of(int threshold) {
        return new ComplementarySuppression(threshold);
    }

    public int threshold() {
        return threshold;
    }

    /** Whether a count is below the threshold (and not zero). */
    public boolean small(long count) {
        return count > 0 && count < threshold;
    }

    /** An entry of the table: a cell, a row total, a column total or the grand total. */
    private record Entry(int kind, int r, int c) {
        static final int CELL = 0;
        static final int ROW_TOTAL = 1;
        static final int COLUMN_TOTAL = 2;
        static final int GRAND = 3;
    }

    /** Applies the rule. */
    public Suppression apply(CountTable t) {
        int rows = t.rows();
        int cols = t.columns();
        boolean[][] cell = new boolean[rows][cols];
        boolean[][] primary = new boolean[rows][cols];
        boolean[] rowTot = new boolean[rows];
        boolean[] colTot = new boolean[cols];
        boolean[] grand = new boolean[1];
        for (int r = 0; r < rows; r++) {
            if (t.knownRows()[r]) continue;
            for (int c = 0; c < cols; c++) {
                if (small(t.cell(r, c))) {
                    cell[r][c] = true;
                    primary[r][c] = true;
                }
            }
            if (t.rowTotals() && small(t.rowTotal(r))) rowTot[r] = true;
        }
        if (t.columnTotals()) {
            for (int c = 0; c < cols; c++) {
                long unknown = 0;
                for (int r = 0; r < rows; r++) unknown += t.knownRows()[r] ? 0 : t.cell(r, c);
                if (small(unknown)) colTot[c] = true;
            }
        }
        if (t.rowTotals() && t.columnTotals()) {
            long unknown = 0;
            for (int r = 0; r < rows; r++) unknown += t.knownRows()[r] ? 0 : t.rowTotal(r);
            if (small(unknown)) grand[0] = true;
        }
        List<List<Entry>> equations = equations(t);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Entry> eq : equations) {
                int withheld = 0;
                long sum = 0;
                for (Entry e : eq) {
                    if (isSet(e, cell, rowTot, colTot, grand)) {
                        withheld++;
                        sum += value(t, e);
                    }
                }
                if (withheld == 0) continue;
                if (withheld == 1 || small(sum)) {
                    Entry add = pick(t, eq, cell, rowTot, colTot, grand);
                    if (add != null) {
                        set(add, cell, rowTot, colTot, grand);
                        changed = true;
                    }
                }
            }
        }
        return new Suppression(t, cell, rowTot, colTot, grand[0], primary);
    }

    /** The published equations: each list holds the total first, then its parts. */
    private static List<List<Entry>> equations(CountTable t) {
        List<List<Entry>> out = new ArrayList<>();
        if (t.rowTotals()) {
            for (int r = 0; r < t.rows(); r++) {
                List<Entry> eq = new ArrayList<>();
                eq.add(new Entry(Entry.ROW_TOTAL, r, -1));
                for (int c = 0; c < t.columns(); c++) eq.add(new Entry(Entry.CELL, r, c));
                out.add(eq);
            }
        }
        if (t.columnTotals()) {
            for (int c = 0; c < t.columns(); c++) {
                List<Entry> eq = new ArrayList<>();
                eq.add(new Entry(Entry.COLUMN_TOTAL, -1, c));
                for (int r = 0; r < t.rows(); r++) eq.add(new Entry(Entry.CELL, r, c));
                out.add(eq);
            }
        }
        if (t.rowTotals() && t.columnTotals()) {
            List<Entry> byRows = new ArrayList<>();
            byRows.add(new Entry(Entry.GRAND, -1, -1));
            for (int r = 0; r < t.rows(); r++) byRows.add(new Entry(Entry.ROW_TOTAL, r, -1));
            out.add(byRows);
            List<Entry> byCols = new ArrayList<>();
            byCols.add(new Entry(Entry.GRAND, -1, -1));
            for (int c = 0; c < t.columns(); c++) byCols.add(new Entry(Entry.COLUMN_TOTAL, -1, c));
            out.add(byCols);
        }
        return out;
    }

    private static Entry pick(CountTable t, List<Entry> eq, boolean[][] cell, boolean[] rowTot, boolean[] colTot, boolean[] grand) {
        Entry best = null;
        long bestValue = Long.MAX_VALUE;
        int bestRank = Integer.MAX_VALUE;
        for (Entry e : eq) {
            if (isSet(e, cell, rowTot, colTot, grand) || known(t, e)) continue;
            long v = value(t, e);
            // rank: positive interior cells, positive totals, zero cells, zero totals
            int rank = (v > 0 ? 0 : 2) + (e.kind() == Entry.CELL ? 0 : 1);
            if (rank < bestRank || (rank == bestRank && v < bestValue)) {
                best = e;
                bestRank = rank;
                bestValue = v;
            }
        }
        return best;
    }

    private static boolean known(CountTable t, Entry e) {
        return (e.kind() == Entry.CELL || e.kind() == Entry.ROW_TOTAL) && t.knownRows()[e.r()];
    }

    private static long value(CountTable t, Entry e) {
        return switch (e.kind()) {
            case Entry.CELL -> t.cell(e.r(), e.c());
            case Entry.ROW_TOTAL -> t.rowTotal(e.r());
            case Entry.COLUMN_TOTAL -> t.columnTotal(e.c());
            default -> t.grandTotal();
        };
    }

    private static boolean isSet(Entry e, boolean[][] cell, boolean[] rowTot, boolean[] colTot, boolean[] grand) {
        return switch (e.kind()) {
            case Entry.CELL -> cell[e.r()][e.c()];
            case Entry.ROW_TOTAL -> rowTot[e.r()];
            case Entry.COLUMN_TOTAL -> colTot[e.c()];
            default -> grand[0];
        };
    }

    private static void set(Entry e, boolean[][] cell, boolean[] rowTot, boolean[] colTot, boolean[] grand) {
        switch (e.kind()) {
            case Entry.CELL -> cell[e.r()][e.c()] = true;
            case Entry.ROW_TOTAL -> rowTot[e.r()] = true;
            case Entry.COLUMN_TOTAL -> colTot[e.c()] = true;
            default -> grand[0] = true;
        }
    }
}
