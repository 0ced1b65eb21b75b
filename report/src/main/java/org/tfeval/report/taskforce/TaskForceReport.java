package org.tfeval.report.taskforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.funnel.OutcomeFunnel.StageRow;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.report.chart.GroupedBarChart;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Cells;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.Format;
import org.tfeval.report.document.TableView;
import org.tfeval.report.document.TitlePage;
import org.tfeval.report.findings.ResultLookup;
import org.tfeval.report.measures.MeasuresChapter;
import org.tfeval.report.qualitative.QualitativeChapter;
import org.tfeval.report.technical.TechnicalReport;
import org.tfeval.snapshot.qual.QualitativeFindings;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.Suppression;

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
    private Optional<MeasuresChapter> measures = Optional.empty();
    private Optional<QualitativeFindings> qualitative = Optional.empty();
    // paper: the report set's paper size (techreport)
    private org.tfeval.report.document.Paper paper = org.tfeval.report.document.Paper.DEFAULT;

    public TaskForceReport(StudyResults results, String taskForce, ComplementarySuppression rule) {
        this.results = Objects.requireNonNull(results, "results");
        this.taskForce = Objects.requireNonNull(taskForce, "taskForce");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.lookup = new ResultLookup(results);
        if (!taskForces(results).contains(taskForce)) {
            throw new IllegalArgumentException("task force " + taskForce + " has no cases in snapshot "
                    + results.snapshot().shortId());
        }
    }

    /** Adds the task force's own performance-measure series (when the snapshot holds measures). */
    public TaskForceReport withMeasures(Optional<MeasuresChapter> chapter) {
        this.measures = Objects.requireNonNull(chapter, "chapter");
        return this;
    }

    /** Adds the task force's own interview themes (when the snapshot holds qualitative findings). */
    public TaskForceReport withQualitative(Optional<QualitativeFindings> findings) {
        this.qualitative = Objects.requireNonNull(findings, "findings");
        return this;
    }

    /** Lays the PDF out on {@code p} (default US Letter). */
    public TaskForceReport withPaper(org.tfeval.report.document.Paper p) {
        this.paper = Objects.requireNonNull(p, "paper");
        return this;
    }

    /** The task forces with cases, which get a report. */
    public static List<String> taskForces(StudyResults results) {
        List<String> out = new ArrayList<>();
        if (!results.has(SampleDescription.ID)) return out;
        for (SampleDescription.SiteRow r : results.analysis(SampleDescription.ID)
                .table(SampleDescription.SITES)
                .rows()) {
            if (!r.taskForce().equals(SampleDescription.ALL) && r.cases() > 0) out.add(r.taskForce());
        }
        return out;
    }

    /** The tables as printed (withheld cells as {@link Cell#SUPPRESSED}): what may be published with the report. */
    public List<TableView> publishedTables() {
        return List.copyOf(published);
    }

    /** The other task forces in print order (largest first, then by ID) with their anonymous labels. */
    Map<String, String> others() {
        ResultTable<SampleDescription.SiteRow> t =
                results.analysis(SampleDescription.ID).table(SampleDescription.SITES);
        List<String> ids = new ArrayList<>(taskForces(results));
        ids.remove(taskForce);
        Map<String, Long> size = new LinkedHashMap<>();
        for (String id : ids)
            size.put(id, t.first(r -> r.taskForce().equals(id)).orElseThrow().cases());
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
        Document doc = Document.create(
                        "Task force report: " + taskForce, TechnicalReport.footer(results) + " \u00B7 " + taskForce)
                .paper(paper);
        var s = results.snapshot();
        doc.titlePage(new TitlePage(
                "Task force report: " + taskForce,
                "Your task force's case outcomes beside all task forces in the study",
                s.synthetic(),
                List.of(
                        "Snapshot " + s.id(),
                        "tfeval " + results.tfevalVersion(),
                        "Other task forces are anonymized; their counts from 1 to " + (rule.threshold() - 1)
                                + " are withheld")));
        doc.section("About this report");
        doc.paragraph("This report sets " + taskForce
                + "'s case files beside those of all task forces in the study. Your own figures are shown "
                + "in full. Other task forces appear without their names, as 'Task force A', 'B' and so on (largest first), and any of their "
                + "counts from 1 to " + (rule.threshold() - 1) + " is withheld and shown as " + Cell.SUPPRESSED
                + ", together with further counts "
                + "chosen so that a withheld count cannot be worked out from the totals.");
        Map<String, String> others = others();
        ResultTable<SampleDescription.SiteRow> sites =
                results.analysis(SampleDescription.ID).table(SampleDescription.SITES);
        SampleDescription.SiteRow own =
                sites.first(r -> r.taskForce().equals(taskForce)).orElseThrow();
        doc.section("Your task force at a glance");
        doc.keyFigures(List.of(
                new String[] {
                    Format.count(own.cases()), "case files", Cells.trace(SampleDescription.ID, sites, own, "cases")
                },
                new String[] {
                    Format.count(own.victims()), "survivors", Cells.trace(SampleDescription.ID, sites, own, "victims")
                },
                new String[] {
                    Format.count(own.suspects()), "suspects", Cells.trace(SampleDescription.ID, sites, own, "suspects")
                }));
        doc.paragraph(String.format(
                Locale.ROOT,
                "Scope: %s. Leadership: %s. Case sample drawn by: %s. Case files: %s.",
                own.scope(),
                own.leadModel(),
                own.sampleDrawnBy(),
                own.fileMode()));

        outcomes(doc, others, conf);
        caseMix(doc, others);
        survivors(doc, others);
        disparity(doc, conf);
        // chapter: qualitative findings
        qualitative.ifPresent(f -> QualitativeChapter.writeForSite(doc, f, taskForce, rule));
        // chapter: performance measures
        measures.ifPresent(m -> m.writeTaskForce(doc, taskForce));
        doc.section("What the comparison can and cannot show");
        lookup.table(TaskForceComparison.ID, TaskForceComparison.STATEMENT)
                .ifPresent(t -> t.rows().forEach(r -> doc.paragraph(r.statement())));
        if (s.synthetic()) doc.caution("Synthetic data: these figures describe no real task force.");
        return doc.toXhtml();
    }

    private void add(Document doc, TableView v) {
        doc.table(v);
        published.add(v);
    }

    private void outcomes(Document doc, Map<String, String> others, String conf) {
        if (!results.has(OutcomeFunnel.ID)) return;
        ResultTable<StageRow> t = results.analysis(OutcomeFunnel.ID).table(OutcomeFunnel.CASE_BY_SITE);
        List<String> stages = new ArrayList<>();
        for (StageRow r : t.rows()) {
            if (!stages.contains(r.stage())) stages.add(r.stage());
        }
        List<String> order = new ArrayList<>();
        order.add(taskForce);
        order.addAll(others.keySet());
        SiteCounts counts = counts(t, order, stages, "n");
        Suppression sup = counts.suppress(rule);
        doc.section("Case outcomes");
        TableView.Builder a = TableView.builder(
                        "Share of " + taskForce + "'s cases reaching each stage, beside all task forces")
                .headers(
                        "Stage",
                        "Your cases",
                        "Your %",
                        "Your " + conf + " CI",
                        "All task forces %",
                        "All " + conf + " CI");
        double[][] bars = new double[2][stages.size() - 1];
        for (int k = 0; k < stages.size(); k++) {
            StageRow mine = stage(t, taskForce, stages.get(k)).orElseThrow();
            StageRow all = stage(t, OutcomeFunnel.ALL, stages.get(k)).orElseThrow();
            boolean allShown = !sup.columnTotals()[k];
            a.row(
                    Cell.text(stages.get(k)),
                    Cells.value(OutcomeFunnel.ID, t, mine, "n"),
                    Cells.value(OutcomeFunnel.ID, t, mine, "pct"),
                    Cells.interval(OutcomeFunnel.ID, t, mine, "ci_low", "ci_high"),
                    allShown ? Cells.value(OutcomeFunnel.ID, t, all, "pct") : Cell.withheld(),
                    allShown ? Cells.interval(OutcomeFunnel.ID, t, all, "ci_low", "ci_high") : Cell.withheld());
            if (k > 0) {
                bars[0][k - 1] = nan(mine.share().pct());
                bars[1][k - 1] = allShown ? nan(all.share().pct()) : Double.NaN;
            }
        }
        a.note("Shares are of cases with a known status at each stage.");
        add(doc, a.build());
        doc.figure(
                new GroupedBarChart(
                                "Your task force and all task forces",
                                List.of(YOURS, ALL),
                                stages.subList(1, stages.size()),
                                bars)
                        .toSvg(),
                "Share of cases reaching each stage: " + taskForce + " and all task forces",
                null);
        for (String stage : List.of(OutcomeFunnel.PROSECUTION, OutcomeFunnel.TRAFFICKING_CHARGE)) {
            var mine = stage(t, taskForce, stage);
            var all = stage(t, OutcomeFunnel.ALL, stage);
            if (mine.isEmpty() || all.isEmpty() || sup.columnTotals()[stages.indexOf(stage)]) continue;
            doc.paragraph(compare(stage, mine.get().share(), all.get().share(), conf));
        }
        TableView.Builder b = TableView.builder("Cases reaching each stage at every task force (others anonymized)");
        List<String> headers = new ArrayList<>();
        headers.add("Task force");
        stages.forEach(st -> headers.add(st.equals(OutcomeFunnel.INVESTIGATION) ? "Cases" : st));
        b.headers(headers.toArray(String[]::new));
        List<String> labels = new ArrayList<>();
        labels.add(YOURS + " (" + taskForce + ")");
        labels.addAll(others.values());
        SiteCounts labelled =
                new SiteCounts(counts.columns(), labels, counts.counts(), counts.traces(), counts.totalTraces(), false);
        labelled.printed(sup, ALL).forEach(b::row);
        b.note(Cell.SUPPRESSED + ": withheld (a count from 1 to " + (rule.threshold() - 1)
                + ", or a count withheld so that one cannot be worked out " + "from the totals).");
        add(doc, b.build());
    }

    private static java.util.Optional<StageRow> stage(ResultTable<StageRow> t, String group, String stage) {
        return t.first(r -> r.group().equals(group) && r.stage().equals(stage));
    }

    private String compare(String stage, ShareCells mine, ShareCells all, String conf) {
        Double lo = mine.ciLow();
        Double hi = mine.ciHigh();
        Double p = all.pct();
        String where = lo == null || hi == null || p == null
                ? ""
                : p < lo
                        ? "; the all-task-force share lies below your interval"
                        : p > hi
                                ? "; the all-task-force share lies above your interval"
                                : "; the all-task-force share lies within your interval, so the difference may be chance";
        return String.format(
                Locale.ROOT,
                "%s: %s of your cases (%s CI %s%%) against %s across all task forces%s.",
                stage,
                Format.percent(mine.pct()),
                conf,
                Format.percentInterval(lo, hi),
                Format.percent(p),
                where);
    }

    private void caseMix(Document doc, Map<String, String> others) {
        var table = lookup.table(SampleDescription.ID, SampleDescription.TYPE_BY_SITE);
        if (table.isEmpty()) return;
        ResultTable<SampleDescription.TypeBySiteRow> t = table.get();
        List<String> types = new ArrayList<>();
        for (SampleDescription.TypeBySiteRow r : t.rows()) {
            if (!types.contains(r.type())) types.add(r.type());
        }
        List<String> order = new ArrayList<>();
        order.add(taskForce);
        order.addAll(others.keySet());
        long[][] c = new long[order.size()][types.size()];
        String[][] tr = new String[order.size()][types.size()];
        for (int r = 0; r < order.size(); r++) {
            for (int k = 0; k < types.size(); k++) {
                String site = order.get(r);
                String type = types.get(k);
                SampleDescription.TypeBySiteRow row = t.first(
                                x -> x.taskForce().equals(site) && x.type().equals(type))
                        .orElseThrow();
                c[r][k] = row.cases();
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
        var table = lookup.table(Survivors.ID, Survivors.TREATMENT_BY_SITE);
        if (table.isEmpty()) return;
        ResultTable<Survivors.TreatmentRow> t = table.get();
        List<String> measures = new ArrayList<>();
        for (Survivors.TreatmentRow r : t.rows()) {
            if (!measures.contains(r.measure())) measures.add(r.measure());
        }
        List<String> order = new ArrayList<>();
        order.add(taskForce);
        order.addAll(others.keySet());
        // events and denominators per site, both protected: a share printed with its denominator reveals the count
        long[][] c = new long[order.size()][2 * measures.size()];
        for (int r = 0; r < order.size(); r++) {
            for (int k = 0; k < measures.size(); k++) {
                ShareCells share = treatment(t, order.get(r), measures.get(k)).share();
                c[r][2 * k] = share.n();
                c[r][2 * k + 1] = share.denominator();
            }
        }
        SiteCounts sc = new SiteCounts(measures, order, c, new String[order.size()][2 * measures.size()], null, false);
        Suppression sup = sc.suppress(rule);
        doc.section("Survivors");
        TableView.Builder b = TableView.builder("Survivors of " + taskForce + " beside all task forces")
                .headers("Measure", "Your survivors", "Of", "Your %", "All task forces", "Of", "All %");
        for (int k = 0; k < measures.size(); k++) {
            Survivors.TreatmentRow mine = treatment(t, taskForce, measures.get(k));
            long allN = sup.table().columnTotal(2 * k);
            long allD = sup.table().columnTotal(2 * k + 1);
            boolean nShown = !sup.columnTotals()[2 * k];
            boolean dShown = !sup.columnTotals()[2 * k + 1];
            b.row(
                    Cell.text(measures.get(k)),
                    Cells.value(Survivors.ID, t, mine, "n"),
                    Cells.value(Survivors.ID, t, mine, "denominator"),
                    Cells.value(Survivors.ID, t, mine, "pct"),
                    nShown ? Cell.text(Format.count(allN)) : Cell.withheld(),
                    dShown ? Cell.text(Format.count(allD)) : Cell.withheld(),
                    nShown && dShown && allD > 0 ? Cell.text(Format.percent((double) allN / allD)) : Cell.withheld());
        }
        b.note("All-task-force figures are withheld where the other task forces together have from 1 to "
                + (rule.threshold() - 1) + " survivors.");
        add(doc, b.build());
    }

    private static Survivors.TreatmentRow treatment(
            ResultTable<Survivors.TreatmentRow> t, String site, String measure) {
        return t.first(r -> r.group().equals(site) && r.measure().equals(measure))
                .orElseThrow();
    }

    private void disparity(Document doc, String conf) {
        var table = lookup.table(Disproportionality.ID, Disproportionality.SUSPECTS_BY_SITE);
        if (table.isEmpty()) return;
        ResultTable<Disproportionality.SiteRaceRow> t = table.get();
        TableView.Builder b = TableView.builder("Race of " + taskForce + "'s suspects against its population benchmark")
                .headers("Race", "Suspects", "Of", "% of suspects", "% of population", "Ratio", conf + " CI")
                .source(Disproportionality.ID, "suspects_by_site");
        String jurisdiction = null;
        for (int i = 0; i < t.rowCount(); i++) {
            Disproportionality.SiteRaceRow r = t.row(i);
            if (!r.taskForce().equals(taskForce)) continue;
            jurisdiction = r.jurisdiction();
            if (r.n() == 0) continue;
            b.row(
                    Cell.text(r.race()),
                    Cells.value(Disproportionality.ID, t, i, "n"),
                    Cells.value(Disproportionality.ID, t, i, "denominator"),
                    Cells.value(Disproportionality.ID, t, i, "share"),
                    Cells.value(Disproportionality.ID, t, i, "benchmark"),
                    Cells.value(Disproportionality.ID, t, i, "ratio"),
                    Cells.interval(Disproportionality.ID, t, i, "ratio_low", "ratio_high"));
        }
        if (jurisdiction == null) return;
        b.note("Benchmark jurisdiction: " + jurisdiction + ". "
                + results.settings().getOrDefault("benchmark", "") + ". Groups without suspects are " + "not listed.");
        doc.section("Disproportionality");
        add(doc, b.build());
    }

    private static SiteCounts counts(ResultTable<StageRow> t, List<String> order, List<String> stages, String column) {
        long[][] c = new long[order.size()][stages.size()];
        String[][] tr = new String[order.size()][stages.size()];
        String[] totals = new String[stages.size()];
        for (int r = 0; r < order.size(); r++) {
            for (int k = 0; k < stages.size(); k++) {
                StageRow row = stage(t, order.get(r), stages.get(k)).orElseThrow();
                c[r][k] = row.share().n();
                // only the reader's own cells name their source: a row number in the full results would reveal who an
                // anonymized task force is
                tr[r][k] = r == 0 ? Cells.trace(OutcomeFunnel.ID, t, row, column) : null;
            }
        }
        for (int k = 0; k < stages.size(); k++) {
            totals[k] = Cells.trace(
                    OutcomeFunnel.ID,
                    t,
                    stage(t, OutcomeFunnel.ALL, stages.get(k)).orElseThrow(),
                    column);
        }
        return new SiteCounts(stages, order, c, tr, totals, false);
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }
}
