package org.tfeval.report.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.funnel.OutcomeFunnel.StageRow;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.report.taskforce.TaskForceReport;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.CountTable;
import org.tfeval.stats.disclosure.Suppression;

/**
 * The withholding patterns of the task-force reports, recomputed as they compute them (the reader's
 * own row first and known, the others largest first): which all-task-force totals some task-force
 * report withholds. A public document must withhold them too, or the staff of that task force read
 * there what their own report withholds.
 */
final class TaskForcePatterns {
    private TaskForcePatterns() {}

    /** The rows of {@code own}'s report: its own, then the others largest first, then by ID. */
    static List<String> order(StudyResults results, String own) {
        ResultTable<SampleDescription.SiteRow> t =
                results.analysis(SampleDescription.ID).table(SampleDescription.SITES);
        List<String> ids = new ArrayList<>(TaskForceReport.taskForces(results));
        ids.remove(own);
        ids.sort(Comparator.comparing((String id) ->
                        -t.first(r -> r.taskForce().equals(id)).orElseThrow().cases())
                .thenComparing(id -> id));
        List<String> out = new ArrayList<>();
        out.add(own);
        out.addAll(ids);
        return out;
    }

    /**
     * Quantity keys (as {@link ReportSetAudit} names them) of the totals some task-force report
     * withholds: stage totals, type totals (and all cases), other task forces' cases (the row
     * totals of the case mix), survivors' totals.
     */
    static Set<String> withheldTotals(StudyResults results, ComplementarySuppression rule) {
        Set<String> out = new LinkedHashSet<>();
        List<String> sites = TaskForceReport.taskForces(results);
        if (sites.isEmpty()) return out;
        boolean funnel = results.has(OutcomeFunnel.ID);
        boolean types = results.has(SampleDescription.ID)
                && results.analysis(SampleDescription.ID).has(SampleDescription.TYPE_BY_SITE);
        boolean survivors =
                results.has(Survivors.ID) && results.analysis(Survivors.ID).has(Survivors.TREATMENT_BY_SITE);
        for (String own : sites) {
            List<String> order = order(results, own);
            boolean[] known = new boolean[order.size()];
            known[0] = true;
            if (funnel) {
                ResultTable<StageRow> t = results.analysis(OutcomeFunnel.ID).table(OutcomeFunnel.CASE_BY_SITE);
                List<String> stages =
                        distinct(t.rows().stream().map(StageRow::stage).toList());
                long[][] c = new long[order.size()][stages.size()];
                for (int r = 0; r < order.size(); r++) {
                    String site = order.get(r);
                    for (int k = 0; k < stages.size(); k++) {
                        String stage = stages.get(k);
                        c[r][k] = t.first(
                                        x -> x.group().equals(site) && x.stage().equals(stage))
                                .orElseThrow()
                                .share()
                                .n();
                    }
                }
                Suppression s = rule.apply(new CountTable(c, known, false, true));
                for (int k = 0; k < stages.size(); k++)
                    if (s.columnTotals()[k]) out.add(ReportSetAudit.Model.stageKey(ReportSetAudit.ALL, stages.get(k)));
            }
            if (types) {
                ResultTable<SampleDescription.TypeBySiteRow> t =
                        results.analysis(SampleDescription.ID).table(SampleDescription.TYPE_BY_SITE);
                List<String> ts = distinct(t.rows().stream()
                        .map(SampleDescription.TypeBySiteRow::type)
                        .toList());
                long[][] c = new long[order.size()][ts.size()];
                for (int r = 0; r < order.size(); r++) {
                    String site = order.get(r);
                    for (int k = 0; k < ts.size(); k++) {
                        String type = ts.get(k);
                        c[r][k] = t.first(x ->
                                        x.taskForce().equals(site) && x.type().equals(type))
                                .orElseThrow()
                                .cases();
                    }
                }
                Suppression s = rule.apply(new CountTable(c, known, true, true));
                for (int k = 0; k < ts.size(); k++)
                    if (s.columnTotals()[k]) out.add("type|" + ReportSetAudit.ALL + "|" + ts.get(k));
                if (s.grandTotal()) out.add("cases|" + ReportSetAudit.ALL);
                // a task force's cases are the row total of its case mix: withheld there, withheld everywhere
                for (int r = 1; r < order.size(); r++) if (s.rowTotals()[r]) out.add("cases|" + order.get(r));
            }
            if (survivors) {
                ResultTable<Survivors.TreatmentRow> t =
                        results.analysis(Survivors.ID).table(Survivors.TREATMENT_BY_SITE);
                List<String> ms = distinct(
                        t.rows().stream().map(Survivors.TreatmentRow::measure).toList());
                long[][] c = new long[order.size()][2 * ms.size()];
                for (int r = 0; r < order.size(); r++) {
                    String site = order.get(r);
                    for (int k = 0; k < ms.size(); k++) {
                        String m = ms.get(k);
                        var share = t.first(x ->
                                        x.group().equals(site) && x.measure().equals(m))
                                .orElseThrow()
                                .share();
                        c[r][2 * k] = share.n();
                        c[r][2 * k + 1] = share.denominator();
                    }
                }
                Suppression s = rule.apply(new CountTable(c, known, false, true));
                for (int k = 0; k < ms.size(); k++) {
                    if (s.columnTotals()[2 * k])
                        out.add(ReportSetAudit.Model.survKey(ReportSetAudit.ALL, ms.get(k), "n"));
                    if (s.columnTotals()[2 * k + 1])
                        out.add(ReportSetAudit.Model.survKey(ReportSetAudit.ALL, ms.get(k), "d"));
                }
            }
        }
        return out;
    }

    private static List<String> distinct(List<String> in) {
        return List.copyOf(new LinkedHashSet<>(in));
    }
}
