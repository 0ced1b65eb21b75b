package org.tfeval.report.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tfeval.analysis.ColumnKind;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.StudyResults;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.TableView;
import org.tfeval.stats.disclosure.ComplementarySuppression;

/**
 * Small cells of a public edition: a printed row of a result table is withheld as a whole (its
 * count, the share's denominator, percentage and interval, which give the count back) when it holds
 * a count of people from 1 to threshold - 1, or a total that some task-force report withholds; the
 * next row's "% of previous stage" goes with it. Counts of task forces are not counts of people.
 */
public final class PublicCells {
    /** Count columns that count task forces, not people. */
    static final Set<String> SITE_COUNTS = Set.of("task_forces", "with", "without", "unknown");

    private static final String OF_PREVIOUS = "pct_of_previous";

    private final StudyResults results;
    private final ComplementarySuppression rule;
    private final Set<String> totals;
    private final ReportSetAudit.Model keys;

    public PublicCells(StudyResults results, ComplementarySuppression rule) {
        this.results = Objects.requireNonNull(results, "results");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.totals = TaskForcePatterns.withheldTotals(results, rule);
        this.keys = new ReportSetAudit.Model(results);
    }

    /** The table with its small rows withheld. */
    public TableView protect(TableView v) {
        List<List<Cell>> rows = new ArrayList<>();
        boolean previousWithheld = false;
        for (List<Cell> row : v.rows()) {
            boolean withhold = false;
            for (Cell c : row) withhold |= c.trace() != null && sensitive(c.trace());
            List<Cell> out = new ArrayList<>();
            for (Cell c : row) {
                boolean number = c.trace() != null && !text(c.trace());
                boolean ofPrevious = c.trace() != null && c.trace().endsWith("/" + OF_PREVIOUS);
                out.add(number && (withhold || (ofPrevious && previousWithheld)) ? Cell.withheld() : c);
            }
            rows.add(out);
            previousWithheld = withhold;
        }
        List<String> notes = new ArrayList<>(v.notes());
        if (!rows.equals(v.rows()))
            notes.add(Cell.SUPPRESSED + ": withheld in the public edition (a count from 1 to " + (rule.threshold() - 1)
                    + ", or a total a task force's own report withholds, with the figures that would give it back).");
        return new TableView(v.caption(), v.source(), v.headers(), rows, notes);
    }

    private boolean sensitive(String trace) {
        String[] p = trace.split("/");
        if (p.length != 4 || p[3].contains("+") || !results.has(p[0])) return false;
        ResultTable<?> t = results.analysis(p[0]).table(p[1]);
        if (!t.hasColumn(p[3])) return false;
        int row = Integer.parseInt(p[2]);
        if (t.column(p[3]).kind() == ColumnKind.COUNT && !SITE_COUNTS.contains(p[3])) {
            Object v = t.value(row, p[3]);
            if (v instanceof Long n && rule.small(n)) return true;
        }
        String key = keys.quantity(trace);
        return key != null && totals.contains(key);
    }

    private boolean text(String trace) {
        String[] p = trace.split("/");
        if (p.length != 4 || !results.has(p[0])) return true;
        ResultTable<?> t = results.analysis(p[0]).table(p[1]);
        String col = p[3].contains("+") ? p[3].substring(0, p[3].indexOf('+')) : p[3];
        return t.hasColumn(col) && t.column(col).kind() == ColumnKind.TEXT;
    }
}
