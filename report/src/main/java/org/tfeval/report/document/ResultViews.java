package org.tfeval.report.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tfeval.analysis.ResultTable;

/**
 * Table views of typed result tables: the rows a predicate accepts, chosen columns (named as in the
 * table's JSON, so that each cell's trace names its source; an interval is two columns joined by
 * {@code +}, printed as one), the table's notes and its source.
 */
public final class ResultViews {
    private ResultViews() {}

    /** A view of {@code columns} of the rows {@code rows} accepts. */
    public static <R extends Record> TableView of(
            String analysis,
            ResultTable<R> t,
            String caption,
            List<String> columns,
            Predicate<R> rows,
            String confidenceLabel) {
        TableView.Builder b = TableView.builder(caption).source(analysis, t.id());
        List<String> headers = new ArrayList<>();
        for (String c : columns) {
            if (c.contains("+")) headers.add(confidenceLabel + " CI");
            else headers.add(t.column(c).label());
        }
        b.headers(headers.toArray(String[]::new));
        for (int r = 0; r < t.rowCount(); r++) {
            if (!rows.test(t.row(r))) continue;
            List<Cell> cells = new ArrayList<>();
            for (String c : columns) {
                if (c.contains("+")) {
                    String[] lh = c.split("\\+");
                    cells.add(Cells.interval(analysis, t, r, lh[0], lh[1]));
                } else {
                    cells.add(Cells.value(analysis, t, r, c));
                }
            }
            b.row(cells);
        }
        b.notes(t.notes());
        return b.build();
    }

    /** A view of every row. */
    public static <R extends Record> TableView of(
            String analysis, ResultTable<R> t, String caption, List<String> columns, String confidenceLabel) {
        return of(analysis, t, caption, columns, r -> true, confidenceLabel);
    }

    /**
     * A pivot: one printed row per distinct {@code rowKey} of the rows {@code rows} accepts, one
     * printed column per distinct {@code columnKey}, showing the column {@code value}; each cell
     * traced to its result row.
     */
    public static <R extends Record> TableView pivot(
            String analysis,
            ResultTable<R> t,
            String caption,
            Function<R, String> rowKey,
            Function<R, String> columnKey,
            String value,
            Predicate<R> rows,
            String firstHeader) {
        List<String> rowValues = new ArrayList<>();
        List<String> colValues = new ArrayList<>();
        for (R r : t.rows()) {
            if (!rows.test(r)) continue;
            if (!rowValues.contains(rowKey.apply(r))) rowValues.add(rowKey.apply(r));
            if (!colValues.contains(columnKey.apply(r))) colValues.add(columnKey.apply(r));
        }
        TableView.Builder b = TableView.builder(caption).source(analysis, t.id());
        List<String> headers = new ArrayList<>();
        headers.add(firstHeader);
        headers.addAll(colValues);
        b.headers(headers.toArray(String[]::new));
        for (String rv : rowValues) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(rv));
            for (String cv : colValues) {
                int r = t.indexOf(
                        x -> rowKey.apply(x).equals(rv) && columnKey.apply(x).equals(cv));
                cells.add(r < 0 || !rows.test(t.row(r)) ? Cell.text(Format.NONE) : Cells.value(analysis, t, r, value));
            }
            b.row(cells);
        }
        b.notes(t.notes());
        return b.build();
    }
}
