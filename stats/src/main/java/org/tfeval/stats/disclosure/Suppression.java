package org.tfeval.stats.disclosure;

import java.util.Objects;

/**
 * Which entries of a {@link CountTable} are withheld.
 *
 * @param table        the table
 * @param cells        withheld interior cells
 * @param rowTotals    withheld row totals
 * @param columnTotals withheld column totals
 * @param grandTotal   whether the grand total is withheld
 * @param primary      cells withheld because they are below the threshold (the others protect them)
 */
public record Suppression(
        CountTable table,
        boolean[][] cells,
        boolean[] rowTotals,
        boolean[] columnTotals,
        boolean grandTotal,
        boolean[][] primary) {
    public Suppression {
        Objects.requireNonNull(table, "table");
        if (cells.length != table.rows()
                || rowTotals.length != table.rows()
                || columnTotals.length != table.columns()
                || primary.length != table.rows()) {
            throw new IllegalArgumentException("suppression flags must match the table's shape");
        }
    }

    /** Whether an interior cell is withheld. */
    public boolean cell(int r, int c) {
        return cells[r][c];
    }

    /** Number of withheld entries (cells and totals). */
    public int count() {
        int n = grandTotal ? 1 : 0;
        for (boolean[] row : cells) for (boolean b : row) n += b ? 1 : 0;
        for (boolean b : rowTotals) n += b ? 1 : 0;
        for (boolean b : columnTotals) n += b ? 1 : 0;
        return n;
    }
}
