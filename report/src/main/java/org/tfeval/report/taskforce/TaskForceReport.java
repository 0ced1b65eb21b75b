package org.tfeval.report.taskforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.report.chart.GroupedBarChart;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.Suppression;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Cells;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.Format;
import org.tfeval.report.document.TableView;
import org.tfeval.report.document.TitlePage;
import org.tfeval.report.findings.ResultLookup;
import org.tfeval.report.technical.TechnicalReport;

/**
 * The individualized report of one task force: its own figures in full beside the cross-site
 * picture. Other task forces appear only anonymized ("Task force A", ordered by size), and their
 * counts pass {@link ComplementarySuppression}: counts from 1 to threshold - 1 are withheld, with
 * further counts (or totals) so that none can be recovered from the totals; the reader's own row
 * counts as known. Cross-site shares are printed only where the cross-site count is printed.
 */
public final class TaskForceReport {
    /** Label of the reader's own row. */
    static final String YOURS = "Your task force";
    static final String ALL = "All task forces";

    private final StudyResults results;
    private final String taskForce;
    private final ComplementarySuppression rule;
    private final ResultLookup lookup;
    private final List<TableView> published = new ArrayList<>();

    public TaskForceReport(StudyResults results, String taskForce, ComplementarySuppression rule) {
        this.results = Objects.requireNonNull(results, "results");
        this.taskForce = Objects.requireNonNull(taskForce, "taskForce");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.lookup = new ResultLookup(results);
        if (!taskForces(results).contains(taskForce)) {
            throw new IllegalArgumentException("task force " + taskForce + " has no cases in snapshot " + results.snapshot().shortId());
        }
    }

    /** The task forces with cases, which get a report. */
    public static List<String> taskForces(StudyResults results) {
        List<String> out = new ArrayList<>();
        if (!results.has(SampleDescription.ID)) return out;
        ResultTable t = results.analysis(SampleDescription.ID).table("sites");
        for (int i = 0; i < t.rowCount(); i++) {
            String id = t.text(i, "task_force");
            if (!id.equals(SampleDescription.ALL) && t.count(i, "cases") > 0) out.add(id);
        }
        return out;
    }

    /** The tables as printed (withheld cells as {@link Cell#SUPPRESSED}): what may be published with the report. */
    public List<TableView> publishedTables() {
        return List.copyOf(published);
    }

    /** The other task forces in print order (largest first, then by ID) with their anonymous labels. */
    Map<String, String> others() {
        ResultTable t = results.analysis(SampleDescription.ID).table("sites");
        List<String> ids = new ArrayList<>(taskForces(results));
        ids.remove(taskForce);
        Map<String, Long> size = new LinkedHashMap<>();
        for (String id : ids) size.put(id, t.count(t.row("task_force", id), "cases"));
        ids.sort(Comparator.comparing((String id) -> -size.get(id)).thenComparing(id -> id));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) out.put(ids.get(i), "Task force " + letter(i));
        return out;
    }

    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : letter(i / 26 - 1) + (char) ('A' + i % 26);
    }

    /** The report as XHTML; fills {@link #publishedTables()}. */
    public String toXhtml() {
        published.clear();
        String conf = lookup.confidence();
        Document doc = Document.create("Task force report: " + taskForce, TechnicalReport.footer(results) + " \u00B7 " + taskForce);
        var s = results.snapshot();
        doc.titlePage(new TitlePage("Task force report: " + taskForce, "Your task force's case outcomes beside all task forces in the study",
                s.synthetic(), List.of("Snapshot " + s.id(), "tfeval " + results.tfevalVersion(), "Other task forces are anonymized; their counts from 1 to "
                        + (rule.threshold() - 1) + " are withheld")));
        doc.section("About this report");
        doc.paragraph("This report sets " + taskForce + "'s case files beside those of all task forces in the study. Your own figures are shown "
                + "in full. Other task forces appear without their names, as 'Task force A', 'B' and so on (largest first), and any of their "
                + "counts from 1 to " + (rule.threshold() - 1) + " is withheld and shown as " + Cell.SUPPRESSED + ", together with further counts "
                + "chosen so that a withheld count cannot be worked out from the totals.");
        Map<String, String> others = others();
        ResultTable sites = results.analysis(SampleDescription.ID).table("sites");
        int own = sites.row("task_force", taskForce);
        doc.section("Your task force at a glance");
        doc.keyFigures(List.of(new String[] {Format.count(sites.count(own, "cases")), "case files", Cells.trace(SampleDescription.ID, sites, own, "cases")},
                new String[] {Format.count(sites.count(own, "victims")), "survivors", Cells.trace(SampleDescription.ID, sites, own, "victims")},
                new String[] {Format.count(sites.count(own, "suspects")), "suspects", Cells.trace(SampleDescription.ID, sites, own, "suspects")}));
        doc.paragraph(String.format(Locale.ROOT, "Scope: %s. Leadership: %s. Case sample drawn by: %s. Case files: %s.", sites.text(own, "scope"),
                sites.text(own, "lead_model"), sites.text(own, "sample_drawn_by"), sites.text(own, "file_mode")));

        outcomes(doc, others, conf);
        caseMix(doc, others);
        survivors(doc, others);
        disparity(doc, conf);
        doc.section("What the comparison can and cannot show");
        lookup.table(TaskForceComparison.ID, "statement").ifPresent(t -> {
            for (int i = 0; i < t.rowCount(); i++) doc.paragraph(t.text(i, "statement"));
        });
        if (s.synthetic()) doc.caution("Synthetic data: these figures describe no real task force.");
        return doc.toXhtml();
    }

    private void add(Document doc, TableView v) {
        doc.table(v);
        published.add(v);
    }

    private void outcomes(Document doc, Map<String, String> others, String conf) {
        if (!results.has(OutcomeFunnel.ID)) return;
        ResultTable t = results.analysis(OutcomeFunnel.ID).table("case_by_site");
        List<String> stages = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!stages.contains(t.text(i, "stage"))) stages.add(t.text(i, "stage"));
        }
        List<String> order = new ArrayList<>();
        order.add(taskForce);
        order.addAll(others.keySet());
        SiteCounts counts = counts(t, order, stages, "n");
        Suppression sup = counts.suppress(rule);
        doc.section("Case outcomes");
        TableView.Builder a = TableView.builder("Share of " + taskForce + "'s cases reaching each stage, beside all task forces").headers("Stage",
                "Your cases", "Your %", "Your " + conf + " CI", "All task forces %", "All " + conf + " CI");
        double[][] bars = new double[2][stages.size() - 1];
        for (int k = 0; k < stages.size(); k++) {
            int mine = t.row("task_force", taskForce, "stage", stages.get(k));
            int all = t.row("task_force", OutcomeFunnel.ALL, "stage", stages.get(k));
            boolean allShown = !sup.columnTotals()[k];
            a.row(Cell.text(stages.get(k)), Cells.value(OutcomeFunnel.ID, t, mine, "n"), Cells.value(OutcomeFunnel.ID, t, mine, "pct"),
                    Cells.interval(OutcomeFunnel.ID, t, mine, "ci_low", "ci_high"),
                    allShown ? Cells.value(OutcomeFunnel.ID, t, all, "pct") : Cell.withheld(),
                    allShown ? Cells.interval(OutcomeFunnel.ID, t, all, "ci_low", "ci_high") : Cell.withheld());
            if (k > 0) {
                bars[0][k - 1] = nan(t.number(mine, "pct"));
                bars[1][k - 1] = allShown ? nan(t.number(all, "pct")) : Double.NaN;
            }
        }
        a.note("Shares are of cases with a known status at each stage.");
        add(doc, a.build());
        doc.figure(new GroupedBarChart("Your task force and all task forces", List.of(YOURS, ALL), stages.subList(1, stages.size()), bars).toSvg(),
                "Share of cases reaching each stage: " + taskForce + " and all task forces", null);
        for (String stage : List.of(OutcomeFunnel.PROSECUTION, OutcomeFunnel.TRAFFICKING_CHARGE)) {
            int mine = t.find("task_force", taskForce, "stage", stage);
            int all = t.find("task_force", OutcomeFunnel.ALL, "stage", stage);
            if (mine < 0 || all < 0 || sup.columnTotals()[stages.indexOf(stage)]) continue;
            doc.paragraph(compare(stage, t, mine, all, conf));
        }
        TableView.Builder b = TableView.builder("Cases reaching each stage at every task force (others anonymized)");
        List<String> headers = new ArrayList<>();
        headers.add("Task force");
        stages.forEach(st -> headers.add(st.equals(OutcomeFunnel.INVESTIGATION) ? "Cases" : st));
        b.headers(headers.toArray(String[]::new));
        List<String> labels = new ArrayList<>();
        labels.add(YOURS + " (" + taskForce + ")");
        labels.addAll(others.values());
        SiteCounts labelled = new SiteCounts(counts.columns(), labels, counts.counts(), counts.traces(), counts.totalTraces(), false);
        labelled.printed(sup, ALL).forEach(b::row);
        b.note(Cell.SUPPRESSED + ": withheld (a count from 1 to " + (rule.threshold() - 1) + ", or a count withheld so that one cannot be worked out "
                + "from the totals).");
        add(doc, b.build());
    }

    private String compare(String stage, ResultTable t, int mine, int all, String conf) {
        Double lo = t.number(mine, "ci_low");
        Double hi = t.number(mine, "ci_high");
        Double p = t.number(all, "pct");
        String where = lo == null || hi == null || p == null ? ""
                : p < lo ? "; the all-task-force share lies below your interval" : p > hi ? "; the all-task-force share lies above your interval"
                : "; the all-task-force share lies within your interval, so the difference may be chance";
        return String.format(Locale.ROOT, "%s: %s of your cases (%s CI %s%%) against %s across all task forces%s.", stage,
                Format.percent(t.number(mine, "pct")), conf, Format.percentInterval(lo, hi), Format.percent(p), where);
    }

    private void caseMix(Document doc, Map<String, String> others) {
        var table = lookup.table(SampleDescription.ID, "type_by_site");
        if (table.isEmpty()) return;
        ResultTable t = table.get();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!types.contains(t.text(i, "type"))) types.add(t.text(i, "type"));
        }
        List<String> order = new ArrayList<>();
        order.add(taskForce);
        order.addAll(others.keySet());
        long[][] c = new long[order.size()][types.size()];
        String[][] tr = new String[order.size()][types.size()];
        for (int r = 0; r < order.size(); r++) {
            for (int k = 0; k < types.size(); k++) {
                int row = t.row("task_force", order.get(r), "type", types.get(k));
                c[r][k] = t.count(row, "cases");
                tr[r][k] = r == 0 ? Cells.trace(SampleDescription.ID, t, row, "cases") : null;
            }
        }
        List<String> labels = new ArrayList<>();
        labels.add(YOURS + " (" + taskForce + ")");
        labels.addAll(others.values());
        SiteCounts sc = new SiteCounts(types, labels, c, tr, null, true);
        Suppression sup = sc.suppress(rule);
        doc.section("Case mix");
        TableView.Builder b = TableView.builder("Cases by type of trafficking at every task force (others anonymized)");
        List<String> headers = new ArrayList<>();
        headers.add("Task force");
        headers.addAll(types);
        headers.add("All types");
        b.headers(headers.toArray(String[]::new));
        sc.printed(sup, ALL).forEach(b::row);
        b.note(Cell.SUPPRESSED + ": withheld to protect small counts of other task forces.");
        add(doc, b.build());
    }

    private void survivors(Document doc, Map<String, String> others) {
        var table = lookup.table(Survivors.ID, "treatment_by_site");
        if (table.isEmpty()) return;
        ResultTable t = table.get();
        List<String> measures = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!measures.contains(t.text(i, "measure"))) measures.add(t.text(i, "measure"));
        }
        List<String> order = new ArrayList<>();
        order.add(taskForce);
        order.addAll(others.keySet());
        // events and denominators per site, both protected: a share printed with its denominator reveals the count
        long[][] c = new long[order.size()][2 * measures.size()];
        for (int r = 0; r < order.size(); r++) {
            for (int k = 0; k < measures.size(); k++) {
                int row = t.row("task_force", order.get(r), "measure", measures.get(k));
                c[r][2 * k] = t.count(row, "n");
                c[r][2 * k + 1] = t.count(row, "denominator");
            }
        }
        SiteCounts sc = new SiteCounts(measures, order, c, new String[order.size()][2 * measures.size()], null, false);
        Suppression sup = sc.suppress(rule);
        doc.section("Survivors");
        TableView.Builder b = TableView.builder("Survivors of " + taskForce + " beside all task forces").headers("Measure", "Your survivors",
                "Of", "Your %", "All task forces", "Of", "All %");
        for (int k = 0; k < measures.size(); k++) {
            int mine = t.row("task_force", taskForce, "measure", measures.get(k));
            long allN = sup.table().columnTotal(2 * k);
            long allD = sup.table().columnTotal(2 * k + 1);
            boolean nShown = !sup.columnTotals()[2 * k];
            boolean dShown = !sup.columnTotals()[2 * k + 1];
            b.row(Cell.text(measures.get(k)), Cells.value(Survivors.ID, t, mine, "n"), Cells.value(Survivors.ID, t, mine, "denominator"),
                    Cells.value(Survivors.ID, t, mine, "pct"), nShown ? Cell.text(Format.count(allN)) : Cell.withheld(),
                    dShown ? Cell.text(Format.count(allD)) : Cell.withheld(),
                    nShown && dShown && allD > 0 ? Cell.text(Format.percent((double) allN / allD)) : Cell.withheld());
        }
        b.note("All-task-force figures are withheld where the other task forces together have from 1 to " + (rule.threshold() - 1) + " survivors.");
        add(doc, b.build());
    }

    private void disparity(Document doc, String conf) {
        var table = lookup.table(Disproportionality.ID, "suspects_by_site");
        if (table.isEmpty()) return;
        ResultTable t = table.get();
        TableView.Builder b = TableView.builder("Race of " + taskForce + "'s suspects against its population benchmark").headers("Race", "Suspects", "Of",
                "% of suspects", "% of population", "Ratio", conf + " CI").source(Disproportionality.ID, "suspects_by_site");
        String jurisdiction = null;
        for (int i = 0; i < t.rowCount(); i++) {
            if (!t.text(i, "task_force").equals(taskForce)) continue;
            jurisdiction = t.text(i, "jurisdiction");
            if (t.count(i, "n") == 0) continue;
            b.row(Cell.text(t.text(i, "race")), Cells.value(Disproportionality.ID, t, i, "n"), Cells.value(Disproportionality.ID, t, i, "denominator"),
                    Cells.value(Disproportionality.ID, t, i, "share"), Cells.value(Disproportionality.ID, t, i, "benchmark"),
                    Cells.value(Disproportionality.ID, t, i, "ratio"), Cells.interval(Disproportionality.ID, t, i, "ratio_low", "ratio_high"));
        }
        if (jurisdiction == null) return;
        b.note("Benchmark jurisdiction: " + jurisdiction + ". " + results.settings().getOrDefault("benchmark", "") + ". Groups without suspects are "
                + "not listed.");
        doc.section("Disproportionality");
        add(doc, b.build());
    }

    private static SiteCounts counts(ResultTable t, List<String> order, List<String> stages, String column) {
        long[][] c = new long[order.size()][stages.size()];
        String[][] tr = new String[order.size()][stages.size()];
        String[] totals = new String[stages.size()];
        for (int r = 0; r < order.size(); r++) {
            for (int k = 0; k < stages.size(); k++) {
                int row = t.row("task_force", order.get(r), "stage", stages.get(k));
                Long v = t.count(row, column);
                c[r][k] = v == null ? 0 : v;
                // only the reader's own cells name their source: a row number in the full results would reveal who an anonymized task force is
                tr[r][k] = r == 0 ? Cells.trace(OutcomeFunnel.ID, t, row, column) : null;
            }
        }
        for (int k = 0; k < stages.size(); k++) {
            totals[k] = Cells.trace(OutcomeFunnel.ID, t, t.row("task_force", OutcomeFunnel.ALL, "stage", stages.get(k)), column);
        }
        return new SiteCounts(stages, order, c, tr, totals, false);
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }
}
