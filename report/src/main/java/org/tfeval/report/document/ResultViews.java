package org.tfeval.report.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.ResultTable;

/**
 * Table views of result tables: chosen columns (an interval is two columns joined by {@code +},
 * printed as one), chosen rows, the table's notes and its source.
 */
public final class ResultViews {
    private ResultViews() {
    }

    /** A view of {@code columns} of the rows {@code rows} accepts. */
    public static TableView of(AnalysisResult a, String table, String caption, List<String> columns, IntPredicate rows, String confidenceLabel) {
        ResultTable t = a.table(table);
        TableView.Builder b = TableView.builder(caption).source(a.analysis(), table);
        List<String> headers = new ArrayList<>();
        for (String c : columns) {
            if (c.contains("+")) headers.add(confidenceLabel + " CI");
            else headers.add(t.columns().get(t.columnIndex(c)).label());
        }
        b.headers(headers.toArray(String[]::new));
        for (int r = 0; r < t.rowCount(); r++) {
            if (!rows.test(r)) continue;
            List<Cell> cells = new ArrayList<>();
            for (String c : columns) {
                if (c.contains("+")) {
                    String[] lh = c.split("\\+");
                    cells.add(Cells.interval(a.analysis(), t, r, lh[0], lh[1]));
                } else {
                    cells.add(Cells.value(a.analysis(), t, r, c));
                }
            }
            b.row(cells);
        }
        b.notes(t.notes());
        return b.build();
    }

    /** A view of every row. */
    public static TableView of(AnalysisResult a, String table, String caption, List<String> columns, String confidenceLabel) {
        return of(a, table, caption, columns, r -> true, confidenceLabel);
    }

    /**
     * A pivot: one printed row per distinct value of {@code rowKey}, one printed column per distinct
     * value of {@code columnKey} showing {@code value}; each cell traced to its result row.
     */
    public static TableView pivot(AnalysisResult a, String table, String caption, String rowKey, String columnKey, String value,
                                  IntPredicate rows, String firstHeader) {
        ResultTable t = a.table(table);
        List<String> rowValues = new ArrayList<>();
        List<String> colValues = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (!rows.test(r)) continue;
            if (!rowValues.contains(t.text(r, rowKey))) rowValues.add(t.text(r, rowKey));
            if (!colValues.contains(t.text(r, columnKey))) colValues.add(t.text(r, columnKey));
        }
        TableView.Builder b = TableView.builder(caption).source(a.analysis(), table);
        List<String> headers = new ArrayList<>();
        headers.add(firstHeader);
        headers.addAll(colValues);
        b.headers(headers.toArray(String[]::new));
        for (String rv : rowValues) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(rv));
            for (String cv : colValues) {
                int r = t.find(rowKey, rv, columnKey, cv);
                cells.add(r < 0 || !rows.test(r) ? Cell.text(Format.NONE) : Cells.value(a.analysis(), t, r, value));
            }
            b.row(cells);
        }
        b.notes(t.notes());
        return b.build();
    }
}
