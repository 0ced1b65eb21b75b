package org.tfeval.report.document;

import org.tfeval.analysis.ResultTable;

/**
 * Cells printed from result tables, each carrying its source: the column is named for the trace
 * ({@code analysis/table/row/column}) and for the column's kind, which decides the format.
 */
public final class Cells {
    private Cells() {}

    /** The value of a column, formatted by its kind. */
    public static Cell value(String analysis, ResultTable<?> t, int row, String column) {
        return new Cell(
                Format.value(t.column(column).kind(), t.value(row, column)), trace(analysis, t, row, column), false);
    }

    /** The value of a column of a row of {@code t}. */
    public static <R extends Record> Cell value(String analysis, ResultTable<R> t, R row, String column) {
        return value(analysis, t, t.indexOf(row), column);
    }

    /** An interval from two columns. */
    public static Cell interval(String analysis, ResultTable<?> t, int row, String low, String high) {
        return new Cell(
                Format.interval(t.column(low).kind(), t.value(row, low), t.value(row, high)),
                trace(analysis, t, row, low + "+" + high),
                false);
    }

    /** An interval from two columns of a row of {@code t}. */
    public static <R extends Record> Cell interval(String analysis, ResultTable<R> t, R row, String low, String high) {
        return interval(analysis, t, t.indexOf(row), low, high);
    }

    /** The trace of a cell: {@code analysis/table/row/column}. */
    public static String trace(String analysis, ResultTable<?> t, int row, String column) {
        t.column(column.contains("+") ? column.substring(0, column.indexOf('+')) : column);
        return analysis + "/" + t.id() + "/" + row + "/" + column;
    }

    /** The trace of a cell of a row of {@code t}. */
    public static <R extends Record> String trace(String analysis, ResultTable<R> t, R row, String column) {
        return trace(analysis, t, t.indexOf(row), column);
    }
}
