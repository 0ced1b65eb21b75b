package org.tfeval.report.taskforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Format;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.CountTable;
import org.tfeval.stats.disclosure.Suppression;

/**
 * Counts of task forces by some columns, the reader's own task force first, the others after it,
 * with the totals over all task forces; withheld entries print as {@link Cell#SUPPRESSED}.
 *
 * @param columns     column headers
 * @param rowLabels   printed row labels (own first)
 * @param counts      counts[row][column]
 * @param traces      traces[row][column] of each count's source, or null
 * @param totalTraces traces of the column totals, or null
 * @param rowTotals   whether row totals are printed
 */
record SiteCounts(
        List<String> columns,
        List<String> rowLabels,
        long[][] counts,
        String[][] traces,
        String[] totalTraces,
        boolean rowTotals) {
    SiteCounts {
        Objects.requireNonNull(columns, "columns");
        if (counts.length != rowLabels.size() || traces.length != rowLabels.size())
            throw new IllegalArgumentException("one row per label");
    }

    /** Applies the rule, the first row known to the reader. */
    Suppression suppress(ComplementarySuppression rule) {
        boolean[] known = new boolean[counts.length];
        if (known.length > 0) known[0] = true;
        return rule.apply(new CountTable(counts, known, rowTotals, true));
    }

    /** Printed rows: label, cells, [row total]; then the all-task-forces row. */
    List<List<Cell>> printed(Suppression s, String totalLabel) {
        List<List<Cell>> out = new ArrayList<>();
        CountTable t = s.table();
        for (int r = 0; r < t.rows(); r++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(rowLabels.get(r)));
            for (int c = 0; c < t.columns(); c++) {
                row.add(s.cell(r, c) ? Cell.withheld() : new Cell(Format.count(t.cell(r, c)), traces[r][c], false));
            }
            if (rowTotals)
                row.add(s.rowTotals()[r] ? Cell.withheld() : new Cell(Format.count(t.rowTotal(r)), null, false));
            out.add(row);
        }
        List<Cell> total = new ArrayList<>();
        total.add(Cell.text(totalLabel));
        for (int c = 0; c < t.columns(); c++) {
            total.add(
                    s.columnTotals()[c]
                            ? Cell.withheld()
                            : new Cell(
                                    Format.count(t.columnTotal(c)),
                                    totalTraces == null ? null : totalTraces[c],
                                    false));
        }
        if (rowTotals)
            total.add(s.grandTotal() ? Cell.withheld() : new Cell(Format.count(t.grandTotal()), null, false));
        out.add(total);
        return out;
    }
}
