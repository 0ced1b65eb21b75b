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

    /** Appends the chapter to a document (the technical report, or a document of its own). */
    public void chapter(Document doc) {
        List<FiscalQuarter> qs = quarters();
        doc.section("Performance measures");
        if (in.synthetic())
            doc.caution(
                    "SYNTHETIC DATA: these measures were generated by tfeval demo; they describe no real task force.");
        doc.paragraph("The law-enforcement and victim-service grantee of each task force report counts every federal"
                + " fiscal quarter (Q1 = October to December). This chapter shows them as stored: "
                + in.values().size() + " values of " + taskForces().size() + " task forces"
                + (qs.isEmpty()
                        ? ""
                        : ", " + qs.get(0).label() + " to "
                                + qs.get(qs.size() - 1).label())
                + ", under measure catalogue " + in.catalogue().version() + ".");
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
        computed(doc);
        reconciliation(doc);
        features(doc);
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
                                    : m.computed().form() + " by "
                                            + m.computed().dateVariable()));
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

    private void computed(Document doc) {
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
        doc.table(t.build());
    }

    private void reconciliation(Document doc) {
        if (in.catalogue().pairs().isEmpty()) return;
        doc.subsection("Reconciliation of law-enforcement and victim-service counts");
        doc.paragraph("Each pair of measures should agree each quarter within its tolerance: "
                + String.join(
                        "; ",
                        in.catalogue().pairs().stream()
                                .map(p -> p.label() + " (" + p.absolute() + " or " + Math.round(p.relative() * 100)
                                        + "% of the larger count)")
                                .toList())
                + ". A flagged quarter keeps the explanation recorded with tfeval measures reconcile --explain.");
        TableView.Builder t = TableView.builder("Reconciliation by task force and pair")
                .headers("Task force", "Pair", "Quarters", "Flagged", "Explained", "Open");
        Map<String, long[]> by = new TreeMap<>();
        for (ReconciliationRow r : in.reconciliation()) {
            long[] a = by.computeIfAbsent(r.tfId() + "\u0000" + r.pairId(), k -> new long[4]);
            a[0]++;
            if (r.flagged()) a[1]++;
            if (r.flagged() && !r.open()) a[2]++;
            if (r.open()) a[3]++;
        }
        by.forEach((k, a) -> {
            String[] p = k.split("\u0000");
            t.row(
                    Cell.text(p[0]),
                    Cell.text(p[1]),
                    Cell.text(Long.toString(a[0])),
                    Cell.text(Long.toString(a[1])),
                    Cell.text(Long.toString(a[2])),
                    Cell.text(Long.toString(a[3])));
        });
        doc.table(t.build());
        List<ReconciliationRow> flagged =
                in.reconciliation().stream().filter(ReconciliationRow::flagged).toList();
        if (!flagged.isEmpty()) doc.table(gapTable("Flagged quarters", flagged));
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
        List<FiscalQuarter> qs = quarters();
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
        if (in.synthetic())
            doc.caution(
                    "SYNTHETIC DATA: these measures were generated by tfeval demo; they describe no real task force.");
        doc.paragraph("Your own figures are shown in full. The shaded band is the middle half of the other task"
                + " forces (their 25th to 75th percentile) in each quarter, drawn only when at least " + MIN_OTHER_SITES
                + " others reported; a band edge from 1 to " + (threshold - 1) + " is drawn at " + threshold
                + " or 0 so that no other task force's small count can be read from it. Dashed lines mark the"
                + " quarters your grantee began reporting under a new award (a funding cycle).");
        Trends trends = Trends.of(in.catalogue());
        doc.section("Your series");
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
                band[0][i] = safeLow(quantile(a, 0.25));
                band[1][i] = safeHigh(quantile(a, 0.75));
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
        List<ReconciliationRow> mine = in.reconciliation().stream()
                .filter(r -> r.tfId().equals(tf) && r.flagged())
                .toList();
        doc.section("Law-enforcement and victim-service counts");
        long quarters =
                in.reconciliation().stream().filter(r -> r.tfId().equals(tf)).count();
        doc.paragraph(quarters + " quarter-pairs compared; " + mine.size() + " flagged, "
                + mine.stream().filter(ReconciliationRow::open).count() + " not yet explained.");
        if (!mine.isEmpty()) doc.table(gapTable("Your flagged quarters", mine));
        List<Comparison> own =
                in.comparisons().stream().filter(c -> c.tfId().equals(tf)).toList();
        if (!own.isEmpty()) {
            doc.section("Reported and computed from your case files");
            TableView.Builder t = TableView.builder("Your reported totals and the coded case files")
                    .headers("Measure", "Quarters", "Reported", "Computed", "Quarters to review");
            Map<String, long[]> by = new LinkedHashMap<>();
            for (Comparison c : own) {
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
            doc.table(t.build());
        }
        return doc.toXhtml();
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
