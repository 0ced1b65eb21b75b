package org.tfeval.stats.disclosure;

import java.util.Objects;

/**
 * A table of counts as a report would publish it: interior cells, optionally the row totals, the
 * column totals and the grand total. Rows the reader already knows (a task force's own row in its
 * own report) are marked: they are published and cannot hide anything.
 *
 * @param cells        counts, cells[row][column], all >= 0
 * @param knownRows    rows the reader knows
 * @param rowTotals    whether each row's total is published
 * @param columnTotals whether each column's total is published
 */
public record CountTable(long[][] cells, boolean[] knownRows, boolean rowTotals, boolean columnTotals) {
    public CountTable {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(knownRows, "knownRows");
        if (knownRows.length != cells.length)
            throw new IllegalArgumentException(
                    "one known-row flag per row is needed: " + cells.length + " rows, " + knownRows.length + " flags");
        int cols = cells.length == 0 ? 0 : cells[0].length;
        for (int r = 0; r < cells.length; r++) {
            if (cells[r].length != cols)
                throw new IllegalArgumentException(
                        "row " + r + " has " + cells[r].length + " cells, row 0 has " + cols);
            for (long v : cells[r]) {
                if (v < 0) throw new IllegalArgumentException("counts must be >= 0, row " + r + " has " + v);
            }
        }
        cells = deepCopy(cells);
        knownRows = knownRows.clone();
    }

    public int rows() {
        return cells.length;
    }

    public int columns() {
        return cells.length == 0 ? 0 : cells[0].length;
    }

    public long cell(int r, int c) {
        return cells[r][c];
    }

    public long rowTotal(int r) {
        long s = 0;
        for (long v : cells[r]) s += v;
        return s;
    }

    public long columnTotal(int c) {
        long s = 0;
        for (long[] row : cells) s += row[c];
        return s;
    }

    public long grandTotal() {
        long s = 0;
        for (long[] row : cells) for (long v : row) s += v;
        return s;
    }

    private static long[][] deepCopy(long[][] a) {
        long[][] out = new long[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }
}
