package org.tfeval.report.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.funnel.OutcomeFunnel.StageRow;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Cells;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.Format;
import org.tfeval.report.document.SiteNames;
import org.tfeval.report.document.TableView;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.CountTable;
import org.tfeval.stats.disclosure.Suppression;

/**
 * The per-task-force table of a public edition: cases reaching each stage at every task force,
 * under anonymous labels, with the union of the withholding patterns of every task-force report
 * and of a reader who knows no row. Withholding more never reveals more, so each task force's staff
 * learn from it nothing beyond their own report, and the public reader nothing beyond the pattern
 * that protects a reader without a row of his own; {@link ReportSetAudit} checks the whole set.
 */
public final class PublicSiteTable {
    /**
     * Result tables a public edition does not print: per-task-force features, shares and race
     * ratios (a share or ratio with the task force's size gives the count back).
     */
    public static final java.util.Set<String> PER_SITE = java.util.Set.of(
            SampleDescription.SITES.id(),
            OutcomeFunnel.CASE_BY_SITE.id(),
            OutcomeFunnel.SUSPECT_BY_SITE.id(),
            org.tfeval.analysis.disparity.Disproportionality.SUSPECTS_BY_SITE.id());

    private final StudyResults results;
    private final SiteNames names;
    private final ComplementarySuppression rule;

    public PublicSiteTable(StudyResults results, SiteNames names, ComplementarySuppression rule) {
        this.results = Objects.requireNonNull(results, "results");
        this.names = Objects.requireNonNull(names, "names");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** Adds the table (when the funnel was run) to {@code doc}. */
    public void write(Document doc) {
        if (!results.has(OutcomeFunnel.ID)) return;
        ResultTable<StageRow> t = results.analysis(OutcomeFunnel.ID).table(OutcomeFunnel.CASE_BY_SITE);
        List<String> stages = new ArrayList<>();
        for (StageRow r : t.rows()) {
            if (!stages.contains(r.stage())) stages.add(r.stage());
        }
        List<String> sites = names.ids();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String s : sites) {
            long[] row = new long[stages.size()];
            for (int k = 0; k < stages.size(); k++) row[k] = n(t, s, stages.get(k));
            counts.put(s, row);
        }
        Map<String, boolean[]> withheld = new LinkedHashMap<>();
        sites.forEach(s -> withheld.put(s, new boolean[stages.size()]));
        boolean[] totals = new boolean[stages.size()];
        // every task-force report's pattern (its own row known, the others by size as it orders them) ...
        for (String own : sites) merge(counts, TaskForcePatterns.order(results, own), true, withheld, totals);
        // ... and a reader who knows no row
        merge(counts, sites, false, withheld, totals);
        // a task force's cases (the first stage) are withheld where a task-force report withholds its case-mix total
        java.util.Set<String> rowTotals = TaskForcePatterns.withheldTotals(results, rule);
        int first = stages.indexOf(OutcomeFunnel.INVESTIGATION);
        if (first >= 0) {
            for (String s : sites) withheld.get(s)[first] |= rowTotals.contains("cases|" + s);
            totals[first] |= rowTotals.contains("cases|" + ReportSetAudit.ALL);
        }
        for (int k = 0; k < stages.size(); k++) complement(counts, withheld, totals, k);

        TableView.Builder b = TableView.builder(
                        "Cases reaching each stage at every task force (task forces anonymized)")
                .source(OutcomeFunnel.ID, OutcomeFunnel.CASE_BY_SITE.id());
        List<String> headers = new ArrayList<>();
        headers.add("Task force");
        stages.forEach(st -> headers.add(st.equals(OutcomeFunnel.INVESTIGATION) ? "Cases" : st));
        b.headers(headers.toArray(String[]::new));
        for (String s : sites) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(names.name(s)));
            for (int k = 0; k < stages.size(); k++) {
                // no trace: a row number of the full results would say which task force this is
                row.add(withheld.get(s)[k] ? Cell.withheld() : Cell.text(Format.count(counts.get(s)[k])));
            }
            b.row(row);
        }
        List<Cell> total = new ArrayList<>();
        total.add(Cell.text("All task forces"));
        for (int k = 0; k < stages.size(); k++) {
            String stage = stages.get(k);
            StageRow all = t.first(r ->
                            r.group().equals(OutcomeFunnel.ALL) && r.stage().equals(stage))
                    .orElseThrow();
            total.add(totals[k] ? Cell.withheld() : Cells.value(OutcomeFunnel.ID, t, all, "n"));
        }
        b.row(total);
        b.note(
                "Task forces are anonymized in an order that reveals nothing about them. " + Cell.SUPPRESSED
                        + ": withheld (a count from 1 to " + (rule.threshold() - 1)
                        + ", or a count withheld so that none can be worked out from the totals or from any task force's own report).");
        doc.table(b.build());
    }

    /**
     * Complementary suppression of one column after the patterns were merged: a column whose
     * withheld entries are one, or add up to fewer than the threshold, gets its smallest other
     * positive count (then a zero) withheld too.
     */
    private void complement(Map<String, long[]> counts, Map<String, boolean[]> withheld, boolean[] totals, int k) {
        while (true) {
            int n = totals[k] ? 1 : 0;
            long hidden = 0;
            for (Map.Entry<String, boolean[]> e : withheld.entrySet()) {
                if (e.getValue()[k]) {
                    n++;
                    hidden += counts.get(e.getKey())[k];
                }
            }
            if (n == 0 || (n >= 2 && (totals[k] || !rule.small(hidden)))) return;
            String pick = null;
            long best = Long.MAX_VALUE;
            for (Map.Entry<String, boolean[]> e : withheld.entrySet()) {
                long v = counts.get(e.getKey())[k];
                long rank = v > 0 ? v : Long.MAX_VALUE - 1;
                if (!e.getValue()[k] && rank < best) {
                    best = rank;
                    pick = e.getKey();
                }
            }
            if (pick == null) {
                totals[k] = true;
                return;
            }
            withheld.get(pick)[k] = true;
        }
    }

    private void merge(
            Map<String, long[]> counts,
            List<String> order,
            boolean firstKnown,
            Map<String, boolean[]> withheld,
            boolean[] totals) {
        long[][] c = new long[order.size()][];
        for (int r = 0; r < order.size(); r++) c[r] = counts.get(order.get(r));
        boolean[] known = new boolean[order.size()];
        if (firstKnown && known.length > 0) known[0] = true;
        Suppression s = rule.apply(new CountTable(c, known, false, true));
        for (int r = 0; r < order.size(); r++) {
            boolean[] w = withheld.get(order.get(r));
            // a task force's own row is printed in its own report; in the public table it counts like any other
            for (int k = 0; k < w.length; k++) w[k] |= s.cell(r, k) && !(firstKnown && r == 0);
        }
        for (int k = 0; k < totals.length; k++) totals[k] |= s.columnTotals()[k];
    }

    private static long n(ResultTable<StageRow> t, String site, String stage) {
        return t.first(r -> r.group().equals(site) && r.stage().equals(stage))
                .orElseThrow()
                .share()
                .n();
    }
}
