package org.tfeval.report.measures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tfeval.instrument.measures.Dimension;
import org.tfeval.instrument.measures.Measure;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.Rate;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.compare.Comparison;
import org.tfeval.measures.compare.Difference;
import org.tfeval.measures.reconcile.ReconciliationRow;
import org.tfeval.measures.trend.FeatureComparison;
import org.tfeval.measures.trend.QuarterlySeries;
import org.tfeval.measures.trend.Trends;
import org.tfeval.measures.trend.YearChange;
import org.tfeval.report.chart.QuarterlyChart;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.PdfWriter;
import org.tfeval.report.document.TableView;
import org.tfeval.report.document.TitlePage;
import org.tfeval.stats.disclosure.ComplementarySuppression;

/**
 * The performance-measures reports: the cross-site chapter ({@value #CHAPTER}.html, for the evaluation team)
 * and one report per task force ({@code task-forces/ID/}{@value #CHAPTER}.html) with its own series beside
 * the other task forces' range, where other task forces are never named and any figure about them from 1 to
 * threshold - 1 is withheld. Immutable; configured by copy.
 */
public final class MeasuresReport {
    /** The file name (without extension) of the chapter and of each task force's report. */
    public static final String CHAPTER = "performance-measures";
    /** Fewest other task forces a range in a task-force report is drawn from. */
    public static final int MIN_OTHER_SITES = 3;
    /** The band of other task forces in a task force's charts: from this quantile ... */
    public static final double BAND_LOW = 0.25;
    /** ... to this one (the middle half). */
    public static final double BAND_HIGH = 0.75;
    /** Most flagged quarters listed one by one in the chapter. */
    static final int MAX_LISTED_GAPS = 40;

    /**
     * What the reports are made of.
     *
     * @param catalogue      the catalogue
     * @param values         every stored value
     * @param reconciliation the LE/VS reconciliation
     * @param comparisons    reported vs computed
     * @param features       task-force features: feature name to level by task force
     * @param synthetic      whether the study holds synthetic data
     */
    public record Input(
            MeasureCatalogue catalogue,
            List<MeasureValue> values,
            List<ReconciliationRow> reconciliation,
            List<Comparison> comparisons,
            Map<String, Map<String, String>> features,
            boolean synthetic) {
        public Input {
            Objects.requireNonNull(catalogue, "catalogue");
            values = List.copyOf(values);
            reconciliation = List.copyOf(reconciliation);
            comparisons = List.copyOf(comparisons);
            features = Map.copyOf(features);
        }
    }

    /** What was written. */
    public record Written(Path dir, Path chapter, Path chapterPdf, Map<String, Path> taskForces) {}

    private final Input in;
    private final int threshold;
    private final boolean pdf;
    /** Each measure's series by task force, and each grantee's funding cycles, computed once per report set. */
    private final Map<String, Map<String, QuarterlySeries>> seriesCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, List<FiscalQuarter>> cycleCache = new java.util.concurrent.ConcurrentHashMap<>();

    private MeasuresReport(Input in, int threshold, boolean pdf) {
        this.in = Objects.requireNonNull(in, "in");
        ComplementarySuppression.of(threshold);
        this.threshold = threshold;
        this.pdf = pdf;
    }

    /** Threshold 11, HTML and PDF. */
    public static MeasuresReport of(Input in) {
        return new MeasuresReport(in, ComplementarySuppression.MINIMUM_CELL_SIZE, true);
    }

    public MeasuresReport withThreshold(int t) {
        return new MeasuresReport(in, t, pdf);
    }

    public MeasuresReport withPdf(boolean b) {
        return new MeasuresReport(in, threshold, b);
    }

    /** Writes the chapter and every task force's report into {@code out}. */
    public Written write(Path out) {
        try {
            OwnerOnlyFiles.folder(out);
            Path chapter = out.resolve(CHAPTER + ".html");
            String chapterText = chapterXhtml();
            Files.writeString(chapter, chapterText, StandardCharsets.UTF_8);
            if (pdf) PdfWriter.write(chapterText, out.resolve(CHAPTER + ".pdf"));
            Map<String, Path> tfs = new LinkedHashMap<>();
            for (String tf : taskForces()) {
                Path dir = out.resolve("task-forces").resolve(tf);
                OwnerOnlyFiles.folder(dir);
                Path f = dir.resolve(CHAPTER + ".html");
                String x = taskForceXhtml(tf);
                Files.writeString(f, x, StandardCharsets.UTF_8);
                if (pdf) PdfWriter.write(x, dir.resolve(CHAPTER + ".pdf"));
                tfs.put(tf, f);
            }
            OwnerOnlyFiles.restrict(out);
            return new Written(out, chapter, pdf ? out.resolve(CHAPTER + ".pdf") : null, tfs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the performance-measures reports to " + out, e);
        }
    }

    /** The task forces with values, in ID order. */
    public List<String> taskForces() {
        return in.values().stream().map(MeasureValue::tfId).distinct().sorted().toList();
    }

    private List<FiscalQuarter> quarters() {
        TreeSet<FiscalQuarter> qs = new TreeSet<>();
        in.values().forEach(v -> qs.add(v.quarter()));
        List<FiscalQuarter> out = new ArrayList<>();
        if (qs.isEmpty()) return out;
        for (FiscalQuarter q = qs.first(); q.compareTo(qs.last()) <= 0; q = q.next()) out.add(q);
        return out;
    }

    /** The measures the trends chart: reconciled, computable, else the first few. */
    private List<Measure> keyMeasures() {
        MeasureCatalogue c = in.catalogue();
        List<Measure> out = new ArrayList<>();
        for (Measure m : c.measures()) {
            boolean paired = c.pairs().stream()
                    .anyMatch(p -> p.lawEnforcement().equals(m.id())
                            || p.victimServices().equals(m.id()));
            if (paired || m.computed() != null) out.add(m);
        }
        if (out.isEmpty())
            out.addAll(c.measures().subList(0, Math.min(6, c.measures().size())));
        return out;
    }

    // ------------------------------------------------------------------ the chapter

    /** The chapter as a document of its own. */
    public String chapterXhtml() {
        Document doc = Document.create(
                "Performance measures",
                "Performance measures \u00B7 catalogue " + in.catalogue().version());
        doc.titlePage(new TitlePage(
                "Performance measures",
                "The grantees' quarterly performance measures across task forces",
                in.synthetic(),
                List.of(
                        "Measure catalogue " + in.catalogue().id() + " "
                                + in.catalogue().version(),
                        "Restricted: names every task force")));
        chapter(doc);
        return doc.toXhtml();
    }

    /**
     * Appends the chapter to a document (the technical report, or a document of its own); returns the sentences
     * with figures it wrote, each with the table it cites.
     */
    public List<Claim> chapter(Document doc) {
        List<Claim> claims = new ArrayList<>();
        List<FiscalQuarter> qs = quarters();
        doc.section("Performance measures");
        if (in.synthetic())
            doc.caution(
                    "SYNTHETIC DATA: these measures were generated by tfeval demo; they describe no real task force.");
        doc.paragraph("The law-enforcement and victim-service grantee of each task force report counts every federal"
                + " fiscal quarter (the first quarter of a fiscal year is October to December), under the measure"
                + " catalogue described below; each value keeps the catalogue version it was reported under.");
        reportedByTaskForce(doc, qs, claims);
        long flagged =
                in.reconciliation().stream().filter(ReconciliationRow::flagged).count();
        long open = in.reconciliation().stream().filter(ReconciliationRow::open).count();
        doc.keyFigures(List.of(
                new String[] {Integer.toString(taskForces().size()), "task forces reporting"},
                new String[] {Integer.toString(qs.size()), "quarters"},
                new String[] {Long.toString(flagged), "LE/VS gaps flagged"},
                new String[] {Long.toString(open), "gaps without an explanation"}));
        catalogueTable(doc);
        trends(doc, qs);
        breakdowns(doc, qs);
        computed(doc, claims);
        reconciliation(doc, claims);
        features(doc);
        return claims;
    }

    /** What was stored, by task force: the table the chapter's opening sentence cites. */
    private void reportedByTaskForce(Document doc, List<FiscalQuarter> qs, List<Claim> claims) {
        if (qs.isEmpty()) return;
        TableView.Builder t = TableView.builder("Reported values by task force")
                .headers("Task force", "Values", "First quarter", "Last quarter");
        Map<String, TreeSet<FiscalQuarter>> quarters = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (MeasureValue v : in.values()) {
            quarters.computeIfAbsent(v.tfId(), k -> new TreeSet<>()).add(v.quarter());
            counts.merge(v.tfId(), 1L, Long::sum);
        }
        counts.forEach((tf, n) -> t.row(
                Cell.text(tf),
                Cell.text(Long.toString(n)),
                Cell.text(quarters.get(tf).first().label()),
                Cell.text(quarters.get(tf).last().label())));
        int n = doc.nextTable();
        String values = Integer.toString(in.values().size());
        String tfs = Integer.toString(counts.size());
        String first = qs.get(0).label();
        String last = qs.get(qs.size() - 1).label();
        String sentence = "This chapter shows them as stored: " + values + " values of " + tfs + " task forces, "
                + first + " to " + last + " (Table " + n + ").";
        claims.add(new Claim(
                sentence,
                n,
                List.of(
                        new Claim.Figure(values, "Values", Claim.Aggregate.SUM),
                        new Claim.Figure(tfs, "Task force", Claim.Aggregate.ROWS),
                        new Claim.Figure(first, "First quarter", Claim.Aggregate.LOWEST),
                        new Claim.Figure(last, "Last quarter", Claim.Aggregate.HIGHEST))));
        doc.paragraph(sentence);
        doc.table(t.build());
    }

    private void catalogueTable(Document doc) {
        doc.subsection("The measures");
        TableView.Builder t = TableView.builder(
                        "The measure catalogue " + in.catalogue().version())
                .headers("Measure", "Label", "Reported by", "Unit", "Broken down by", "Computed from the case files");
        for (Measure m : in.catalogue().measures()) {
            t.row(
                    Cell.text(m.id()),
                    Cell.text(m.label()),
                    Cell.text(m.grantee().code()),
                    Cell.text(m.unit().label()),
                    Cell.text(String.join(
                            ", ",
                            m.disaggregations().stream().map(Dimension::label).toList())),
                    Cell.text(
                            m.computed() == null
                                    ? "no"
                                    : m.computed().form() + " records by "
                                            + m.computed().datedBy()));
        }
        doc.table(t.build());
    }

    private static List<String> labels(List<FiscalQuarter> qs) {
        return qs.stream().map(FiscalQuarter::label).toList();
    }

    private void trends(Document doc, List<FiscalQuarter> qs) {
        if (qs.isEmpty()) return;
        doc.subsection("Trends across task forces");
        doc.paragraph("Each chart shows the median task force per quarter over the range from the lowest to the"
                + " highest task force; the table gives all task forces' fiscal-year totals and the change on the"
                + " year before (complete years only).");
        Trends trends = Trends.of(in.catalogue());
        TableView.Builder yoy = TableView.builder("Fiscal-year totals of all task forces and change on the year before")
                .headers("Measure", "Fiscal year", "Total", "Change");
        for (Measure m : keyMeasures()) {
            Map<String, QuarterlySeries> series = series(m.id());
            if (series.isEmpty()) continue;
            double[][] band = new double[2][qs.size()];
            double[] median = new double[qs.size()];
            SortedMap<FiscalQuarter, Double> sum = new TreeMap<>();
            for (int i = 0; i < qs.size(); i++) {
                List<Double> v = new ArrayList<>();
                for (QuarterlySeries s : series.values()) {
                    Double x = s.values().get(qs.get(i));
                    if (x != null) v.add(x);
                }
                if (v.isEmpty()) {
                    band[0][i] = band[1][i] = median[i] = Double.NaN;
                    continue;
                }
                double[] a =
                        v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                band[0][i] = a[0];
                band[1][i] = a[a.length - 1];
                median[i] = a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
                sum.put(qs.get(i), Arrays.stream(a).sum());
            }
            doc.figure(
                    new QuarterlyChart(
                                    m.label() + " per quarter",
                                    m.unit().label(),
                                    labels(qs),
                                    List.of(new QuarterlyChart.Line("Median task force", median)),
                                    band,
                                    "Lowest to highest task force",
                                    List.of(),
                                    null)
                            .toSvg(),
                    m.label() + " (" + m.id() + ", " + m.grantee().code()
                            + "): median and range of task forces per quarter",
                    "measure_value " + m.id());
            for (YearChange y : Trends.yearOverYear(new QuarterlySeries("all", m.id(), m.label(), sum))) {
                yoy.row(
                        Cell.text(m.label()),
                        Cell.text("FY" + y.fiscalYear()),
                        Cell.text(count(y.total())),
                        Cell.text(percentChange(y.change())));
            }
        }
        for (Rate r : in.catalogue().rates()) {
            Map<String, QuarterlySeries> series = trends.rate(in.values(), r);
            if (series.isEmpty()) continue;
            double[] median = new double[qs.size()];
            for (int i = 0; i < qs.size(); i++) {
                List<Double> v = new ArrayList<>();
                for (QuarterlySeries s : series.values()) {
                    Double x = s.values().get(qs.get(i));
                    if (x != null) v.add(x);
                }
                double[] a =
                        v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                median[i] = a.length == 0
                        ? Double.NaN
                        : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
            }
            doc.figure(
                    new QuarterlyChart(
                                    r.label(),
                                    "rate",
                                    labels(qs),
                                    List.of(new QuarterlyChart.Line("Median task force", median)),
                                    null,
                                    null,
                                    List.of(),
                                    null)
                            .toSvg(),
                    r.label() + ": median of task forces per quarter (quarters with a denominator of zero left out)",
                    "rate " + r.id());
        }
        doc.table(yoy.build());
    }

    /**
     * The breakdowns of the charted measures: per measure and exclusive dimension, all task forces' sum per quarter
     * of each category, one line each (a dimension whose categories partition the total; service types overlap and
     * are left to the measure's own tables).
     */
    private void breakdowns(Document doc, List<FiscalQuarter> qs) {
        if (qs.isEmpty()) return;
        Map<String, Map<String, Map<String, double[]>>> by = new LinkedHashMap<>();
        List<Measure> measures = keyMeasures().stream()
                .filter(m -> !m.disaggregations().isEmpty())
                .toList();
        if (measures.isEmpty()) return;
        Map<FiscalQuarter, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < qs.size(); i++) index.put(qs.get(i), i);
        for (MeasureValue v : in.values()) {
            if (v.disaggregation().isTotal()) continue;
            by.computeIfAbsent(v.measureId(), k -> new TreeMap<>())
                            .computeIfAbsent(v.disaggregation().dimension(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(v.disaggregation().category(), k -> new double[qs.size()])[
                            index.get(v.quarter())] +=
                    v.value();
        }
        boolean any = false;
        for (Measure m : measures) {
            for (Dimension d : m.disaggregations()) {
                if (!d.exclusive()) continue;
                Map<String, double[]> cats = by.getOrDefault(m.id(), Map.of()).get(d.name());
                if (cats == null || cats.isEmpty()) continue;
                if (!any) {
                    doc.subsection("Breakdowns");
                    doc.paragraph("Each chart shows all task forces' sum per quarter of each category of one"
                            + " breakdown; the categories of a breakdown partition the measure's total, so the lines"
                            + " add up to at most the total (a grantee may leave part of a total unbroken).");
                    any = true;
                }
                List<QuarterlyChart.Line> lines = new ArrayList<>();
                for (String c : d.values()) {
                    double[] x = cats.get(c);
                    if (x != null) lines.add(new QuarterlyChart.Line(c, x));
                }
                doc.figure(
                        new QuarterlyChart(
                                        m.label() + " by " + d.label().toLowerCase(Locale.ROOT),
                                        m.unit().label(),
                                        labels(qs),
                                        lines,
                                        null,
                                        null,
                                        List.of(),
                                        null)
                                .toSvg(),
                        m.label() + " (" + m.id() + ") by " + d.label().toLowerCase(Locale.ROOT)
                                + ": all task forces per quarter",
                        "measure_value " + m.id() + " " + d.name() + "=*");
            }
        }
    }

    private void computed(Document doc, List<Claim> claims) {
        if (in.comparisons().isEmpty()) return;
        doc.subsection("Reported and computed from the case files");
        doc.paragraph("For measures the coded case files can produce, tfeval counts the coded records by the quarter"
                + " of the event and sets them beside the reported totals. The coded files are a sample of each task"
                + " force's closed cases, so they are expected to account for part of what was reported; quarters"
                + " where the files show more than was reported need a look. The records behind any number are"
                + " listed by tfeval measures explain.");
        TableView.Builder t = TableView.builder("Reported vs computed, all task forces and quarters")
                .headers("Measure", "Quarters", "Reported", "Computed", "Share accounted for", "Quarters to review");
        Map<String, long[]> by = new LinkedHashMap<>();
        for (Comparison c : in.comparisons()) {
            long[] a = by.computeIfAbsent(c.measureId(), k -> new long[4]);
            a[0]++;
            a[1] += c.reported() == null ? 0 : c.reported();
            a[2] += c.computed();
            if (c.difference().needsReview()) a[3]++;
        }
        by.forEach((m, a) -> t.row(
                Cell.text(in.catalogue().find(m).map(Measure::label).orElse(m)),
                Cell.text(Long.toString(a[0])),
                Cell.text(Long.toString(a[1])),
                Cell.text(Long.toString(a[2])),
                Cell.text(a[1] == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100.0 * a[2] / a[1])),
                Cell.text(Long.toString(a[3]))));
        List<String> notes = new ArrayList<>();
        for (Difference d : Difference.values()) notes.add(d.name().toLowerCase(Locale.ROOT) + ": " + d.explanation());
        t.notes(notes);
        long quarters = by.values().stream().mapToLong(a -> a[0]).sum();
        long reported = by.values().stream().mapToLong(a -> a[1]).sum();
        long computed = by.values().stream().mapToLong(a -> a[2]).sum();
        long review = by.values().stream().mapToLong(a -> a[3]).sum();
        int n = doc.nextTable();
        String sentence = "Over " + quarters + " measure-quarters, the coded case files hold " + computed + " of the "
                + reported + " units reported; " + review + " quarters need a look (Table " + n + ").";
        claims.add(new Claim(
                sentence,
                n,
                List.of(
                        new Claim.Figure(Long.toString(quarters), "Quarters", Claim.Aggregate.SUM),
                        new Claim.Figure(Long.toString(computed), "Computed", Claim.Aggregate.SUM),
                        new Claim.Figure(Long.toString(reported), "Reported", Claim.Aggregate.SUM),
                        new Claim.Figure(Long.toString(review), "Quarters to review", Claim.Aggregate.SUM))));
        doc.paragraph(sentence);
        doc.table(t.build());
    }

    private void reconciliation(Document doc, List<Claim> claims) {
        if (in.catalogue().pairs().isEmpty()) return;
        doc.subsection("Reconciliation of law-enforcement and victim-service counts");
        int pairsTable = doc.nextTable();
        doc.paragraph("Each pair of measures should agree each quarter within its tolerance, the larger of a count and"
                + " a share of the larger of the two counts (Table " + pairsTable + "). A flagged quarter keeps the"
                + " explanation recorded with tfeval measures reconcile --explain.");
        TableView.Builder pairs = TableView.builder("Reconciliation pairs and their tolerances")
                .headers(
                        "Pair",
                        "Label",
                        "Law enforcement",
                        "Victim services",
                        "Tolerance (count)",
                        "Tolerance (share)");
        for (var p : in.catalogue().pairs())
            pairs.row(
                    Cell.text(p.id()),
                    Cell.text(p.label()),
                    Cell.text(p.lawEnforcement()),
                    Cell.text(p.victimServices()),
                    Cell.text(String.valueOf(p.absolute())),
                    Cell.text(Math.round(p.relative() * 100) + "%"));
        doc.table(pairs.build());
        TableView byPair = reconciliationByPair("Reconciliation by task force and pair", in.reconciliation(), true);
        int n = doc.nextTable();
        claims.add(reconciliationClaim(doc, n, byPair, "quarter-pairs of task forces compared"));
        doc.table(byPair);
        List<ReconciliationRow> flagged =
                in.reconciliation().stream().filter(ReconciliationRow::flagged).toList();
        if (!flagged.isEmpty()) doc.table(gapTable("Flagged quarters", flagged));
    }

    /** Quarters, flagged, explained and open per (task force and) pair. */
    private static TableView reconciliationByPair(String caption, List<ReconciliationRow> rows, boolean withTf) {
        TableView.Builder t = TableView.builder(caption);
        if (withTf) t.headers("Task force", "Pair", "Quarters", "Flagged", "Explained", "Open");
        else t.headers("Pair", "Quarters", "Flagged", "Explained", "Open");
        Map<String, long[]> by = new TreeMap<>();
        for (ReconciliationRow r : rows) {
            long[] a = by.computeIfAbsent(withTf ? r.tfId() + "\u0000" + r.pairId() : r.pairId(), k -> new long[4]);
            a[0]++;
            if (r.flagged()) a[1]++;
            if (r.flagged() && !r.open()) a[2]++;
            if (r.open()) a[3]++;
        }
        by.forEach((k, a) -> {
            List<Cell> cells = new ArrayList<>();
            for (String part : k.split("\u0000")) cells.add(Cell.text(part));
            for (long x : a) cells.add(Cell.text(Long.toString(x)));
            t.row(cells);
        });
        return t.build();
    }

    /** The sentence summing a reconciliation-by-pair table. */
    private static Claim reconciliationClaim(Document doc, int n, TableView t, String what) {
        long[] sum = new long[4];
        int first = t.headers().indexOf("Quarters");
        for (List<Cell> r : t.rows())
            for (int i = 0; i < 4; i++)
                sum[i] += Long.parseLong(r.get(first + i).text());
        String sentence = sum[0] + " " + what + "; " + sum[1] + " flagged, " + sum[2] + " of them explained and "
                + sum[3] + " not yet explained (Table " + n + ").";
        doc.paragraph(sentence);
        return new Claim(
                sentence,
                n,
                List.of(
                        new Claim.Figure(Long.toString(sum[0]), "Quarters", Claim.Aggregate.SUM),
                        new Claim.Figure(Long.toString(sum[1]), "Flagged", Claim.Aggregate.SUM),
                        new Claim.Figure(Long.toString(sum[2]), "Explained", Claim.Aggregate.SUM),
                        new Claim.Figure(Long.toString(sum[3]), "Open", Claim.Aggregate.SUM)));
    }

    private static TableView gapTable(String caption, List<ReconciliationRow> flagged) {
        TableView.Builder g = TableView.builder(caption)
                .headers("Task force", "Pair", "Quarter", "LE", "VS", "Why flagged", "Explanation");
        for (ReconciliationRow r : flagged.subList(0, Math.min(MAX_LISTED_GAPS, flagged.size()))) {
            g.row(
                    Cell.text(r.tfId()),
                    Cell.text(r.pairId()),
                    Cell.text(r.quarter().label()),
                    Cell.text(
                            r.lawEnforcement() == null
                                    ? "–"
                                    : r.lawEnforcement().toString()),
                    Cell.text(
                            r.victimServices() == null
                                    ? "–"
                                    : r.victimServices().toString()),
                    Cell.text(r.kind().words()),
                    Cell.text(r.explanation() == null ? "not yet explained" : r.explanation()));
        }
        if (flagged.size() > MAX_LISTED_GAPS)
            g.note((flagged.size() - MAX_LISTED_GAPS)
                    + " further flagged quarters: tfeval measures reconcile --flagged");
        return g.build();
    }

    private void features(Document doc) {
        if (in.features().isEmpty() || in.catalogue().pairs().isEmpty()) return;
        String measure = in.catalogue().pairs().get(0).lawEnforcement();
        Map<String, Double> sites = Trends.siteMeans(Trends.of(in.catalogue()).series(in.values(), measure));
        if (sites.isEmpty()) return;
        doc.subsection("Task forces by feature");
        doc.paragraph("Each task force counts once: its mean quarterly "
                + in.catalogue().measure(measure).label().toLowerCase(Locale.ROOT)
                + ". With few task forces a difference between groups describes these task forces; it is not evidence"
                + " that the feature causes it, and quarters are never treated as independent observations.");
        FeatureComparison fc = FeatureComparison.standard();
        TableView.Builder t = TableView.builder("Mean quarterly " + measure + " by task-force feature (site level)")
                .headers("Feature", "Level", "Task forces", "Lowest", "Median", "Highest", "Exact site permutation p");
        List<String> notes = new ArrayList<>();
        new TreeMap<>(in.features()).forEach((feature, levels) -> {
            FeatureComparison.Result r = fc.compare(feature, measure, sites, levels);
            for (int i = 0; i < r.groups().size(); i++) {
                FeatureComparison.Group g = r.groups().get(i);
                t.row(
                        Cell.text(i == 0 ? feature : ""),
                        Cell.text(g.level()),
                        Cell.text(Integer.toString(g.sites())),
                        Cell.text(number(g.min())),
                        Cell.text(number(g.median())),
                        Cell.text(number(g.max())),
                        Cell.text(
                                i == 0 && r.test() != null
                                        ? String.format(
                                                Locale.ROOT, "%.3f", r.test().p())
                                        : ""));
            }
            notes.add(feature + ": " + r.note());
        });
        t.notes(notes);
        doc.table(t.build());
    }

    // ------------------------------------------------------------------ one task force

    /** One task force's report: its series beside the other task forces' range. */
    public String taskForceXhtml(String tf) {
        Document doc = Document.create("Performance measures: " + tf, "Performance measures \u00B7 " + tf);
        doc.titlePage(new TitlePage(
                "Performance measures: " + tf,
                "Your quarterly measures beside the other task forces",
                in.synthetic(),
                List.of(
                        "Measure catalogue " + in.catalogue().version(),
                        "Other task forces are not named; any figure about them from 1 to " + (threshold - 1)
                                + " is withheld")));
        doc.section("About this report");
        taskForceBody(doc, tf, false);
        return doc.toXhtml();
    }

    /**
     * Appends one task force's performance measures as a chapter of its task-force report: its own series next
     * to the other task forces' range (never named; their figures from 1 to threshold - 1 withheld), its LE/VS
     * reconciliation and its reported vs computed totals. Returns the sentences with figures it wrote.
     */
    public List<Claim> taskForceChapter(Document doc, String tf) {
        doc.section("Performance measures");
        return taskForceBody(doc, tf, true);
    }

    /** The quarterly values of the task forces with values (for the series of a task force). */
    public boolean reports(String tf) {
        return taskForces().contains(tf);
    }

    private List<Claim> taskForceBody(Document doc, String tf, boolean nested) {
        List<Claim> claims = new ArrayList<>();
        java.util.function.Consumer<String> heading = nested ? doc::subsection : doc::section;
        List<FiscalQuarter> qs = quarters();
        if (in.synthetic())
            doc.caution(
                    "SYNTHETIC DATA: these measures were generated by tfeval demo; they describe no real task force.");
        doc.paragraph("Your own figures are shown in full. The shaded band is the middle half of the other task"
                + " forces (their " + Math.round(BAND_LOW * 100) + "th to " + Math.round(BAND_HIGH * 100)
                + "th percentile) in each quarter, drawn only when at least " + MIN_OTHER_SITES
                + " others reported; a band edge from 1 to " + (threshold - 1) + " is drawn at " + threshold
                + " or 0 so that no other task force's small count can be read from it. Dashed lines mark the"
                + " quarters your grantee began reporting under a new award (a funding cycle).");
        heading.accept("Your series");
        for (Measure m : keyMeasures()) {
            Map<String, QuarterlySeries> series = series(m.id());
            QuarterlySeries own = series.get(tf);
            if (own == null) continue;
            double[] mine = new double[qs.size()];
            double[][] band = new double[2][qs.size()];
            for (int i = 0; i < qs.size(); i++) {
                Double x = own.values().get(qs.get(i));
                mine[i] = x == null ? Double.NaN : x;
                List<Double> others = new ArrayList<>();
                for (QuarterlySeries s : series.values()) {
                    if (s.tfId().equals(tf)) continue;
                    Double o = s.values().get(qs.get(i));
                    if (o != null) others.add(o);
                }
                if (others.size() < MIN_OTHER_SITES) {
                    band[0][i] = band[1][i] = Double.NaN;
                    continue;
                }
                double[] a = others.stream()
                        .mapToDouble(Double::doubleValue)
                        .sorted()
                        .toArray();
                band[0][i] = safeLow(quantile(a, BAND_LOW));
                band[1][i] = safeHigh(quantile(a, BAND_HIGH));
            }
            List<Integer> marks = new ArrayList<>();
            for (FiscalQuarter q : cycles(tf, m.grantee())) {
                int i = qs.indexOf(q);
                if (i > 0) marks.add(i);
            }
            doc.figure(
                    new QuarterlyChart(
                                    m.label() + ": " + tf,
                                    m.unit().label(),
                                    labels(qs),
                                    List.of(new QuarterlyChart.Line(tf, mine)),
                                    band,
                                    "Other task forces (middle half)",
                                    marks,
                                    "New award")
                            .toSvg(),
                    m.label() + " (" + m.grantee().code() + ") per quarter",
                    "measure_value " + m.id());
            TableView.Builder t = TableView.builder(m.label() + " by fiscal year")
                    .headers("Fiscal year", tf, "Change", "Other task forces", "Their median");
            Map<Integer, List<Double>> otherYears = new TreeMap<>();
            for (QuarterlySeries s : series.values()) {
                if (s.tfId().equals(tf)) continue;
                for (YearChange y : Trends.yearOverYear(s))
                    otherYears
                            .computeIfAbsent(y.fiscalYear(), k -> new ArrayList<>())
                            .add(y.total());
            }
            for (YearChange y : Trends.yearOverYear(own)) {
                List<Double> o = otherYears.getOrDefault(y.fiscalYear(), List.of());
                double med = o.isEmpty()
                        ? Double.NaN
                        : quantile(
                                o.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .sorted()
                                        .toArray(),
                                0.5);
                t.row(
                        Cell.text("FY" + y.fiscalYear()),
                        Cell.text(count(y.total())),
                        Cell.text(percentChange(y.change())),
                        Cell.text(Integer.toString(o.size())),
                        o.size() < MIN_OTHER_SITES ? Cell.withheld() : otherCount(med));
            }
            doc.table(t.build());
        }
        List<ReconciliationRow> own =
                in.reconciliation().stream().filter(r -> r.tfId().equals(tf)).toList();
        if (!own.isEmpty()) {
            heading.accept("Law-enforcement and victim-service counts");
            TableView byPair =
                    reconciliationByPair("Your law-enforcement and victim-service counts by pair", own, false);
            claims.add(reconciliationClaim(doc, doc.nextTable(), byPair, "quarter-pairs compared"));
            doc.table(byPair);
            List<ReconciliationRow> flagged =
                    own.stream().filter(ReconciliationRow::flagged).toList();
            if (!flagged.isEmpty()) doc.table(gapTable("Your flagged quarters", flagged));
        }
        List<Comparison> mine =
                in.comparisons().stream().filter(c -> c.tfId().equals(tf)).toList();
        if (!mine.isEmpty()) {
            heading.accept("Reported and computed from your case files");
            TableView.Builder t = TableView.builder("Your reported totals and the coded case files")
                    .headers("Measure", "Quarters", "Reported", "Computed", "Quarters to review");
            Map<String, long[]> by = new LinkedHashMap<>();
            for (Comparison c : mine) {
                long[] a = by.computeIfAbsent(c.measureId(), k -> new long[4]);
                a[0]++;
                a[1] += c.reported() == null ? 0 : c.reported();
                a[2] += c.computed();
                if (c.difference().needsReview()) a[3]++;
            }
            by.forEach((m, a) -> t.row(
                    Cell.text(in.catalogue().find(m).map(Measure::label).orElse(m)),
                    Cell.text(Long.toString(a[0])),
                    Cell.text(Long.toString(a[1])),
                    Cell.text(Long.toString(a[2])),
                    Cell.text(Long.toString(a[3]))));
            t.note(Difference.SAMPLE_BELOW_REPORTED.explanation());
            long quarters = by.values().stream().mapToLong(a -> a[0]).sum();
            long reported = by.values().stream().mapToLong(a -> a[1]).sum();
            long computed = by.values().stream().mapToLong(a -> a[2]).sum();
            long review = by.values().stream().mapToLong(a -> a[3]).sum();
            int n = doc.nextTable();
            String sentence = "Over " + quarters + " measure-quarters, your coded case files hold " + computed
                    + " of the " + reported + " units you reported; " + review + " quarters need a look (Table " + n
                    + ").";
            claims.add(new Claim(
                    sentence,
                    n,
                    List.of(
                            new Claim.Figure(Long.toString(quarters), "Quarters", Claim.Aggregate.SUM),
                            new Claim.Figure(Long.toString(computed), "Computed", Claim.Aggregate.SUM),
                            new Claim.Figure(Long.toString(reported), "Reported", Claim.Aggregate.SUM),
                            new Claim.Figure(Long.toString(review), "Quarters to review", Claim.Aggregate.SUM))));
            doc.paragraph(sentence);
            doc.table(t.build());
        }
        return claims;
    }

    private Map<String, QuarterlySeries> series(String measureId) {
        return seriesCache.computeIfAbsent(
                measureId, id -> Trends.of(in.catalogue()).series(in.values(), id));
    }

    private List<FiscalQuarter> cycles(String tf, org.tfeval.instrument.measures.Grantee g) {
        if (cycleCache.isEmpty()) {
            Trends.fundingCycles(in.values())
                    .forEach((k, v) ->
                            cycleCache.put(k.tfId() + "|" + k.grantee().code(), v));
        }
        return cycleCache.getOrDefault(tf + "|" + g.code(), List.of());
    }

    /** A figure about other task forces: withheld from 1 to threshold - 1. */
    private Cell otherCount(double v) {
        if (Double.isNaN(v)) return Cell.text("–");
        if (v > 0 && v < threshold) return Cell.withheld();
        return Cell.text(count(v));
    }

    private double safeLow(double v) {
        return v > 0 && v < threshold ? 0 : v;
    }

    private double safeHigh(double v) {
        return v > 0 && v < threshold ? threshold : v;
    }

    static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) return sorted[0];
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String percentChange(double c) {
        return Double.isNaN(c) ? "–" : String.format(Locale.ROOT, "%+.0f%%", 100 * c);
    }
}
