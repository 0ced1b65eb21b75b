package org.tfeval.report.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Count columns that count task forces or missing values, not people with an attribute. */
    static final Set<String> NOT_PEOPLE = Set.of("task_forces", "with", "without", "unknown", "excluded");

    /** Columns kept beside a withheld count: they are not the count and do not give it back alone. */
    static final Set<String> KEPT = Set.of("denominator", "excluded");

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
        boolean[] withheldRows = new boolean[v.rows().size()];
        for (int i = 0; i < withheldRows.length; i++) {
            for (Cell c : v.rows().get(i)) withheldRows[i] |= c.trace() != null && sensitive(c.trace());
        }
        complement(v, withheldRows);
        boolean previousWithheld = false;
        for (int i = 0; i < withheldRows.length; i++) {
            List<Cell> row = v.rows().get(i);
            boolean withhold = withheldRows[i];
            List<Cell> out = new ArrayList<>();
            for (Cell c : row) {
                boolean number = c.trace() != null && !text(c.trace());
                String col =
                        c.trace() == null ? "" : c.trace().substring(c.trace().lastIndexOf('/') + 1);
                boolean ofPrevious = col.equals(OF_PREVIOUS);
                boolean hide = number
                        && ((withhold && !KEPT.contains(col))
                                || (ofPrevious && previousWithheld)
                                || sensitive(c.trace()));
                out.add(hide ? Cell.withheld() : c);
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

    /**
     * Complementary suppression inside a table: rows whose counts add up to their common printed
     * denominator (the categories of one variable) form a sum; a sum with exactly one withheld row,
     * or whose withheld rows add up to fewer than the threshold, gets the smallest other row too.
     */
    private void complement(TableView v, boolean[] withheld) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < withheld.length; i++) {
            Long n = count(v.rows().get(i), "n");
            Long d = count(v.rows().get(i), "denominator");
            if (n == null || d == null) continue;
            groups.computeIfAbsent(group(v.rows().get(i)) + "\t" + d, k -> new ArrayList<>())
                    .add(i);
        }
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> rows = g.getValue();
            long d = count(v.rows().get(rows.get(0)), "denominator");
            long sum = 0;
            for (int i : rows) sum += count(v.rows().get(i), "n");
            if (sum != d || rows.size() < 2) continue;
            while (true) {
                int count = 0;
                long hidden = 0;
                for (int i : rows) {
                    if (withheld[i]) {
                        count++;
                        hidden += count(v.rows().get(i), "n");
                    }
                }
                if (count == 0 || count == rows.size() || (count >= 2 && !rule.small(hidden))) break;
                int pick = -1;
                long best = Long.MAX_VALUE;
                for (int i : rows) {
                    long n = count(v.rows().get(i), "n");
                    // the smallest positive count first, zero counts last
                    long rank = n > 0 ? n : Long.MAX_VALUE - 1;
                    if (!withheld[i] && rank < best) {
                        best = rank;
                        pick = i;
                    }
                }
                if (pick < 0) break;
                withheld[pick] = true;
            }
        }
    }

    /** The row's labels but its last one: the variable whose categories the rows are. */
    private String group(List<Cell> row) {
        List<String> labels = new ArrayList<>();
        for (Cell c : row) {
            if (c.trace() == null || text(c.trace())) labels.add(c.text());
        }
        return labels.isEmpty() ? "" : String.join("\t", labels.subList(0, labels.size() - 1));
    }

    /** The value of a count column of a printed row's result row, or null. */
    private Long count(List<Cell> row, String column) {
        for (Cell c : row) {
            if (c.trace() == null || !c.trace().endsWith("/" + column)) continue;
            String[] p = c.trace().split("/");
            if (p.length != 4 || !results.has(p[0])) return null;
            ResultTable<?> t = results.analysis(p[0]).table(p[1]);
            return t.value(Integer.parseInt(p[2]), column) instanceof Long n ? n : null;
        }
        return null;
    }

    private boolean sensitive(String trace) {
        String[] p = trace.split("/");
        if (p.length != 4 || p[3].contains("+") || !results.has(p[0])) return false;
        ResultTable<?> t = results.analysis(p[0]).table(p[1]);
        if (!t.hasColumn(p[3])) return false;
        int row = Integer.parseInt(p[2]);
        if (t.column(p[3]).kind() == ColumnKind.COUNT && !NOT_PEOPLE.contains(p[3])) {
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
