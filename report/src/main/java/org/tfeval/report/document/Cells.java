package org.tfeval.report.document;

import org.tfeval.analysis.ResultTable;

/** Cells printed from result tables, each carrying its source. */
public final class Cells {
    private Cells() {
    }

    /** The value of a column, formatted by its kind. */
    public static Cell value(String analysis, ResultTable t, int row, String column) {
        var kind = t.columns().get(t.columnIndex(column)).kind();
        return new Cell(Format.value(kind, t.value(row, column)), trace(analysis, t, row, column), false);
    }

    /** An interval from two columns. */
    public static Cell interval(String analysis, ResultTable t, int row, String low, String high) {
        var kind = t.columns().get(t.columnIndex(low)).kind();
        return new Cell(Format.interval(kind, t.value(row, low), t.value(row, high)), trace(analysis, t, row, low + "+" + high), false);
    }

    /** The trace of a cell: {@code analysis/table/row/column}. */
    public static String trace(String analysis, ResultTable t, int row, String column) {
        return analysis + "/" + t.id() + "/" + row + "/" + column;
    }
}
