package org.tfeval.report.technical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.charging.Charging;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.funnel.OutcomeFunnel.StageRow;
import org.tfeval.analysis.identification.Identification;
import org.tfeval.analysis.prediction.OutcomePrediction;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCodeSentence;
import org.tfeval.instrument.Variable;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.ResultViews;
import org.tfeval.report.document.TableView;
import org.tfeval.report.document.TitlePage;
import org.tfeval.report.findings.Findings;
import org.tfeval.report.findings.Limitations;
import org.tfeval.report.findings.ResultLookup;
import org.tfeval.report.findings.Statement;

/**
 * The cross-site technical report. Every number comes from a result table, marked in the XHTML
 * with its source; the summary and the limitations are generated from the results.
 */
public final class TechnicalReport {
    /** The report's title. */
    public static final String TITLE = "Enhanced Collaborative Model Task Forces: Cross-Site Technical Report";

    static final List<String> SHARE = List.of("n", "denominator", "pct", "ci_low+ci_high");

    private final StudyResults results;
    private final Instrument instrument;
    private final Map<String, String> resultFiles;
    private final ResultLookup lookup;
    private final String conf;

    /**
     * @param results     the results
     * @param instrument  the snapshot's instrument (the appendix)
     * @param resultFiles result JSON file name to SHA-256, listed in the appendix
     */
    public TechnicalReport(StudyResults results, Instrument instrument, Map<String, String> resultFiles) {
        this.results = Objects.requireNonNull(results, "results");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.resultFiles = new LinkedHashMap<>(resultFiles);
        this.lookup = new ResultLookup(results);
        this.conf = lookup.confidence();
    }

    /** Footer of every page: the snapshot. */
    public static String footer(StudyResults r) {
        return (r.snapshot().synthetic() ? "SYNTHETIC DATA \u00B7 " : "") + "snapshot "
                + r.snapshot().shortId() + " \u00B7 tfeval " + r.tfevalVersion();
    }

    /** The report as XHTML. */
    public String toXhtml() {
        Map<String, Integer> numbers = new HashMap<>();
        Document scratch = Document.create(TITLE, "");
        // methods: design (frames2): its tables come before the results, so they count in the table numbers cited
        DesignMethods.write(scratch, results, conf);
        results(scratch, numbers);

        Document doc = Document.create(TITLE, footer(results));
        var s = results.snapshot();
        List<String> lines = new ArrayList<>();
        lines.add("Snapshot " + s.id());
        lines.add("Instrument " + s.instrumentId() + " " + s.instrumentVersion() + " \u00B7 snapshot taken "
                + s.createdAt() + " by tfeval " + s.tfevalVersion());
        lines.add("Analyses and report by tfeval " + results.tfevalVersion());
        if (s.allowErrors())
            lines.add("Snapshot taken with " + s.validationErrors() + " validation errors unresolved (--allow-errors)");
        doc.titlePage(new TitlePage(
                TITLE,
                "Case outcomes, charging, survivors and task-force features across the study's task forces",
                s.synthetic(),
                lines));

        doc.section("Summary of findings");
        List<String> bullets = new ArrayList<>();
        for (Statement st : Findings.summary(lookup)) bullets.add(st.text() + cite(st, numbers));
        doc.bullets(bullets);
        // the comparison's warnings are its statement, already a finding above
        results.analyses().stream()
                .filter(a -> !a.analysis().equals(TaskForceComparison.ID))
                .forEach(a -> a.warnings().forEach(w -> doc.caution(a.title() + ": " + w)));

        doc.section("Methods");
        methods(doc);
        results(doc, new HashMap<>());
        doc.sectionOnNewPage("Limitations");
        List<String> lim = new ArrayList<>();
        for (Statement st : Limitations.from(lookup)) lim.add(st.text() + cite(st, numbers));
        doc.bullets(lim);
        appendix(doc);
        return doc.toXhtml();
    }

    private static String cite(Statement st, Map<String, Integer> numbers) {
        List<String> refs = new ArrayList<>();
        for (String src : st.sources()) {
            Integer n = numbers.get(src);
            if (n != null && !refs.contains("Table " + n)) refs.add("Table " + n);
        }
        return refs.isEmpty() ? "" : " (" + String.join(", ", refs) + ")";
    }

    private void methods(Document doc) {
        var s = results.snapshot();
        doc.paragraph("Data: snapshot " + s.id()
                + " (SHA-256 content hash of its Parquet datasets and instrument), instrument " + s.instrumentId()
                + " version " + s.instrumentVersion() + ", with "
                + s.rows().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey() + " records")
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("no records")
                + "." + (s.synthetic() ? " The snapshot's manifest marks the data as synthetic." : ""));
        results.analyses().stream()
                .filter(a -> a.analysis().equals(SampleDescription.ID))
                .findFirst()
                .ifPresent(a -> doc.paragraph("Samples and sites: " + a.method()));
        // methods: design (frames2)
        DesignMethods.write(doc, results, conf);
        doc.paragraph("Missing data: the instrument's missing codes ("
                + MissingCodeSentence.of(instrument).meanings() + ") are left out of every denominator and "
                + "counted in the tables' 'Excluded' columns and notes. Case outcomes are computed from the suspects of each case, respecting the "
                + "skip logic (a suspect not prosecuted was not charged).");
        doc.subsection("Estimators");
        List<String> m = new ArrayList<>();
        for (AnalysisResult a : results.analyses()) {
            if (!a.analysis().equals(SampleDescription.ID)) m.add(a.title() + ": " + a.method());
        }
        doc.bullets(m);
        doc.paragraph(String.format(
                Locale.ROOT,
                "Settings: %s intervals; population benchmark: %s; seed %s. Every table names the result file "
                        + "(JSON, beside this report) and table it comes from; the result files carry the snapshot ID, and their SHA-256 hashes are listed "
                        + "in Appendix B. Analyses and report: tfeval %s.",
                conf,
                results.settings().getOrDefault("benchmark", "none"),
                results.settings().getOrDefault("seed", "-"),
                results.tfevalVersion()));
    }

    private void results(Document doc, Map<String, Integer> numbers) {
        doc.sectionOnNewPage("The sample");
        has(SampleDescription.ID).ifPresent(a -> {
            table(
                    doc,
                    numbers,
                    a,
                    a.table(SampleDescription.SITES),
                    "Task forces, their samples and their records",
                    List.of(
                            "task_force",
                            "scope",
                            "lead_model",
                            "sample_drawn_by",
                            "file_mode",
                            "cases",
                            "victims",
                            "suspects"),
                    r -> true);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(SampleDescription.SAMPLING),
                    "How the case samples were drawn and coded",
                    List.of("variable", "value", "task_forces", "cases"),
                    r -> true);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(SampleDescription.TRAFFICKING_TYPE),
                    "Cases by type of trafficking",
                    concat(List.of("type"), SHARE),
                    r -> true);
            if (a.has(SampleDescription.CLOSURE)) {
                table(
                        doc,
                        numbers,
                        a,
                        a.table(SampleDescription.CLOSURE),
                        "Case files with a recorded close date",
                        concat(List.of("cases"), concat(SHARE, List.of("excluded"))),
                        r -> true);
            }
        });

        doc.section("The outcome funnel");
        has(OutcomeFunnel.ID).ifPresent(a -> {
            ResultTable<StageRow> bySite = a.table(OutcomeFunnel.CASE_BY_SITE);
            Charts.funnel(lookup, OutcomeFunnel.CASE_BY_SITE, Charts.groups(bySite), Map.of())
                    .ifPresent(svg -> doc.figure(
                            svg,
                            "Share of cases reaching each stage, by task force (all cases)",
                            OutcomeFunnel.ID + ".json, table case_by_site"));
            table(
                    doc,
                    numbers,
                    a,
                    a.table(OutcomeFunnel.CASE_BY_TYPE),
                    "Case outcomes by type of trafficking",
                    concat(List.of("type", "stage"), concat(SHARE, List.of("pct_of_previous", "excluded"))),
                    r -> r.share().denominator() > 0);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(OutcomeFunnel.TRAFFICKING_CHARGE_TABLE),
                    "Sex-trafficking investigations charged under a trafficking statute, " + "with both denominators",
                    concat(List.of("level", "denominator_label"), SHARE),
                    r -> true);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(OutcomeFunnel.SUSPECT_BY_TYPE),
                    "Suspect outcomes by type of trafficking",
                    concat(List.of("type", "stage"), concat(SHARE, List.of("pct_of_previous", "excluded"))),
                    r -> r.share().denominator() > 0);
            record(
                    doc,
                    numbers,
                    a,
                    "case_by_site",
                    ResultViews.pivot(
                            a.analysis(),
                            bySite,
                            "Share of cases reaching each stage, by task force",
                            StageRow::group,
                            StageRow::stage,
                            "pct",
                            r -> !r.stage().equals(OutcomeFunnel.INVESTIGATION),
                            "Task force"));
            record(
                    doc,
                    numbers,
                    a,
                    "suspect_by_site",
                    ResultViews.pivot(
                            a.analysis(),
                            a.table(OutcomeFunnel.SUSPECT_BY_SITE),
                            "Share of suspects reaching each stage, by task force",
                            StageRow::group,
                            StageRow::stage,
                            "pct",
                            r -> !r.stage().equals(OutcomeFunnel.INVESTIGATION),
                            "Task force"));
        });

        doc.section("Charging");
        has(Charging.ID).ifPresent(a -> {
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Charging.TOP_CHARGE),
                    "Top charge of prosecuted suspects",
                    concat(List.of("charge", "statute"), SHARE),
                    r -> true);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Charging.STATUTE),
                    "Trafficking versus other statutes",
                    concat(List.of("type", "measure"), SHARE),
                    r -> r.share().denominator() > 0);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Charging.VENUE),
                    "Venue, and trafficking charges by venue",
                    List.of("venue", "suspects", "share", "n", "denominator", "pct", "ci_low+ci_high"),
                    r -> true);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Charging.ARREST_CHARGE_LEVEL),
                    "Arrest charge level",
                    concat(List.of("level"), SHARE),
                    r -> true);
        });

        doc.section("Identification and investigation");
        has(Identification.ID).ifPresent(a -> {
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Identification.ID_SOURCE),
                    "How cases were identified (all cases and sex-trafficking cases)",
                    concat(List.of("type", "source"), SHARE),
                    r -> (r.type().equals("All") || r.type().equals("Sex trafficking"))
                            && r.share().n() > 0);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Identification.ACTUAL_VICTIM_TABLE),
                    "Cases with an actual victim present",
                    concat(List.of("cases"), SHARE),
                    r -> true);
            record(
                    doc,
                    numbers,
                    a,
                    "evidence",
                    ResultViews.pivot(
                            a.analysis(),
                            a.table(Identification.EVIDENCE),
                            "Share of case files with each type of " + "evidence",
                            Identification.EvidenceRow::evidence,
                            Identification.EvidenceRow::cases,
                            "pct",
                            r -> true,
                            "Evidence"));
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Identification.OUTCOMES_BY_VICTIM_PRESENCE),
                    "Outcomes of cases with an actual victim and of sting-only cases",
                    concat(List.of("cases", "outcome"), SHARE),
                    r -> true);
        });

        doc.section("Survivors");
        has(Survivors.ID).ifPresent(a -> {
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Survivors.DEMOGRAPHICS_TABLE),
                    "Survivors' demographics and background",
                    concat(List.of("variable", "category"), concat(SHARE, List.of("excluded"))),
                    r -> true);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Survivors.TREATMENT_TABLE),
                    "How survivors were treated (all survivors and sex-trafficking survivors)",
                    concat(List.of("type", "measure"), concat(SHARE, List.of("excluded"))),
                    r -> (r.group().equals("All") || r.group().equals("Sex trafficking"))
                            && r.share().denominator() > 0);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Survivors.ARREST_BY_POLICY),
                    "Survivors arrested, by whether the task force may arrest survivors",
                    concat(List.of("policy", "task_forces"), SHARE),
                    r -> true);
        });

        doc.section("Disproportionality");
        has(Disproportionality.ID).ifPresent(a -> {
            Charts.disparity(lookup)
                    .ifPresent(svg -> doc.figure(
                            svg,
                            "Race of suspects and survivors against the population "
                                    + "benchmark: ratio of shares with " + conf + " intervals",
                            Disproportionality.ID + ".json, tables suspects and victims"));
            List<String> cols = List.of(
                    "race",
                    "n",
                    "denominator",
                    "share",
                    "share_low+share_high",
                    "benchmark",
                    "ratio",
                    "ratio_low+ratio_high",
                    "difference",
                    "difference_low+difference_high");
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Disproportionality.SUSPECTS),
                    "Race of suspects against the population benchmark",
                    cols,
                    r -> true);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(Disproportionality.VICTIMS),
                    "Race of survivors against the population benchmark",
                    cols,
                    r -> true);
            record(
                    doc,
                    numbers,
                    a,
                    "suspects_by_site",
                    ResultViews.pivot(
                            a.analysis(),
                            a.table(Disproportionality.SUSPECTS_BY_SITE),
                            "Ratio of suspects' share to the benchmark share, by task force and race",
                            Disproportionality.SiteRaceRow::taskForce,
                            Disproportionality.SiteRaceRow::race,
                            "ratio",
                            r -> true,
                            "Task force"));
        });

        doc.section("Time from arrest to disposition");
        has(TimeToDisposition.ID).ifPresent(a -> {
            Charts.survival(lookup)
                    .ifPresent(svg -> doc.figure(
                            svg,
                            "Kaplan-Meier estimates of the share of prosecuted suspects "
                                    + "not yet disposed, by type of trafficking (pending dispositions censored)",
                            TimeToDisposition.ID + ".json, table curves"));
            table(
                    doc,
                    numbers,
                    a,
                    a.table(TimeToDisposition.SUMMARY),
                    "Days from arrest to disposition",
                    List.of(
                            "type",
                            "suspects",
                            "disposed",
                            "pending",
                            "median_days",
                            "median_low+median_high",
                            "disposed_within_365"),
                    r -> true);
        });

        doc.section("What predicts prosecution and a trafficking charge");
        has(OutcomePrediction.ID).ifPresent(a -> {
            table(
                    doc,
                    numbers,
                    a,
                    a.table(OutcomePrediction.MODELS),
                    "The outcome models",
                    List.of(
                            "outcome",
                            "cases",
                            "events",
                            "task_forces",
                            "left_out",
                            "estimates",
                            "robust",
                            "glmm_sd",
                            "predictors_left_out",
                            "status"),
                    r -> true);
            List<String> cols = List.of(
                    "label",
                    "odds_ratio",
                    "or_low+or_high",
                    "robust_se",
                    "robust_df",
                    "robust_low+robust_high",
                    "robust_p",
                    "robust_holm_p",
                    "wild_bootstrap_p",
                    "wild_bootstrap_holm_p",
                    "glmm_odds_ratio",
                    "glmm_low+glmm_high");
            for (String[] o : OutcomePrediction.OUTCOMES) {
                table(
                        doc,
                        numbers,
                        a,
                        a.table(OutcomePrediction.coefficients(o[1])),
                        o[2] + ": odds ratios (Firth) with robust and random-intercept " + "inference",
                        cols,
                        r -> !r.term().equals("intercept"));
            }
            a.warnings().forEach(doc::caution);
        });

        doc.section("Task-force comparison");
        has(TaskForceComparison.ID).ifPresent(a -> {
            table(
                    doc,
                    numbers,
                    a,
                    a.table(TaskForceComparison.FEATURES),
                    "Case outcomes by task-force feature",
                    List.of(
                            "feature",
                            "group",
                            "task_forces",
                            "cases",
                            "prosecution_pct",
                            "prosecution_low+prosecution_high",
                            "trafficking_charge_pct",
                            "trafficking_charge_low+trafficking_charge_high"),
                    r -> true);
            table(
                    doc,
                    numbers,
                    a,
                    a.table(TaskForceComparison.SITE_LEVEL),
                    "Task-force features compared at the task-force level (exact permutation tests, Holm-adjusted)",
                    List.of(
                            "feature",
                            "with",
                            "without",
                            "verdict",
                            "prosecution_difference",
                            "prosecution_p",
                            "prosecution_holm_p",
                            "charge_difference",
                            "charge_p",
                            "charge_holm_p",
                            "smallest_p"),
                    r -> true);
            a.table(TaskForceComparison.STATEMENT).rows().forEach(r -> doc.paragraph(r.statement()));
        });
    }

    private java.util.Optional<AnalysisResult> has(String id) {
        return results.has(id) ? java.util.Optional.of(results.analysis(id)) : java.util.Optional.empty();
    }

    /** Prints the rows {@code rows} accepts of the named columns of a result table, numbered, and remembers its number. */
    private <R extends Record> void table(
            Document doc,
            Map<String, Integer> numbers,
            AnalysisResult a,
            ResultTable<R> t,
            String caption,
            List<String> columns,
            Predicate<R> rows) {
        record(doc, numbers, a, t.id(), ResultViews.of(a.analysis(), t, caption, columns, rows, conf));
    }

    private static void record(
            Document doc, Map<String, Integer> numbers, AnalysisResult a, String table, TableView v) {
        int n = doc.table(v);
        numbers.putIfAbsent(a.analysis() + "/" + table, n);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private void appendix(Document doc) {
        doc.sectionOnNewPage("Appendix A: the instrument");
        doc.paragraph("Instrument " + instrument.id() + " version " + instrument.version()
                + (instrument.title() == null ? "" : ": " + instrument.title()) + ", as frozen in the snapshot. "
                + MissingCodeSentence.of(instrument).sentence());
        for (Form f : instrument.forms()) {
            TableView.Builder b = TableView.builder("Instrument form " + f.name() + " (" + f.label() + ")")
                    .headers("Variable", "Label", "Type", "Values");
            for (Variable v : f.variables()) {
                String values = v.valueLabels().isEmpty()
                        ? ""
                        : String.join(
                                "; ",
                                v.valueLabels().entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .toList());
                if (v.isDerived()) values = (values.isEmpty() ? "" : values + " ") + "(derived)";
                b.row(
                        Cell.text(v.name()),
                        Cell.text(v.label()),
                        Cell.text(v.type().name().toLowerCase(Locale.ROOT)),
                        Cell.text(values));
            }
            doc.table(b.build());
        }
        doc.section("Appendix B: result files");
        doc.paragraph("The result tables behind every number, as JSON beside this report; each names snapshot "
                + results.snapshot().id() + ".");
        TableView.Builder b =
                TableView.builder("Result files and their SHA-256 hashes").headers("File", "SHA-256");
        resultFiles.forEach((f, h) -> b.row(Cell.text(f), Cell.text(h)));
        doc.table(b.build());
    }
}
