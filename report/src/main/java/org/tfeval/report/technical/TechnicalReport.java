package org.tfeval.report.technical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
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
import org.tfeval.instrument.StudyDescription;
import org.tfeval.instrument.StudyDescription.ResearchQuestion;
import org.tfeval.instrument.Variable;
import org.tfeval.report.disclosure.PublicCells;
import org.tfeval.report.disclosure.PublicSiteTable;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.Edition;
import org.tfeval.report.document.Format;
import org.tfeval.report.document.Paper;
import org.tfeval.report.document.ResultViews;
import org.tfeval.report.document.SiteNames;
import org.tfeval.report.document.TableView;
import org.tfeval.report.document.TitlePage;
import org.tfeval.report.findings.ExecutiveSummary;
import org.tfeval.report.findings.Findings;
import org.tfeval.report.findings.Limitations;
import org.tfeval.report.findings.Recommendations;
import org.tfeval.report.findings.ResultLookup;
import org.tfeval.report.findings.Statement;
import org.tfeval.report.measures.MeasuresChapter;
import org.tfeval.report.qualitative.QualitativeChapter;
import org.tfeval.report.taskforce.TaskForceReport;
import org.tfeval.snapshot.qual.QualitativeFindings;
import org.tfeval.stats.disclosure.ComplementarySuppression;

/**
 * The cross-site technical report, laid out as a funder publishes one: title page, contents,
 * executive summary, background, the program, the research questions, methods (with a methods note
 * holding the analyses' cautions), the sample, a profile page per task force, findings grouped under
 * the research question they answer, recommendations citing the findings and tables they rest on,
 * limitations, references and appendices (instrument and codebook summary, result-file hashes, the
 * tests behind the methods). Every number comes from a result table, marked in the XHTML with its
 * source; the summary, findings, recommendations and limitations are generated from the results.
 */
public final class TechnicalReport {
    /** The report's title. */
    public static final String TITLE = "Enhanced Collaborative Model Task Forces: Cross-Site Technical Report";

    /** Id (in the instrument's {@code research_questions}) of the question on case outcomes. */
    public static final String CASE_OUTCOMES = "case_outcomes";
    /** Id of the question on task-force features. */
    public static final String TASK_FORCE_FEATURES = "task_force_features";
    /** Id of the question the interviews answer. */
    public static final String INTERVIEWS = "interviews";

    /** The questions used when the instrument lists none. */
    static final List<ResearchQuestion> DEFAULT_QUESTIONS = List.of(
            new ResearchQuestion(
                    CASE_OUTCOMES, "Which characteristics of a case predict its outcome, and how far do cases go?"),
            new ResearchQuestion(
                    TASK_FORCE_FEATURES, "Do task forces with different features differ in their case outcomes?"));

    /** Which research question each analysis answers (by id); the sample description answers none. */
    static final Map<String, String> QUESTION_OF = Map.of(
            OutcomeFunnel.ID, CASE_OUTCOMES,
            Charging.ID, CASE_OUTCOMES,
            Identification.ID, CASE_OUTCOMES,
            Survivors.ID, CASE_OUTCOMES,
            Disproportionality.ID, CASE_OUTCOMES,
            TimeToDisposition.ID, CASE_OUTCOMES,
            OutcomePrediction.ID, CASE_OUTCOMES,
            TaskForceComparison.ID, TASK_FORCE_FEATURES);

    /** Heading of the section of findings no listed research question takes. */
    static final String FURTHER_FINDINGS = "Further findings";

    /** Said under the interview question while the interviews are not part of the snapshot. */
    static final String NOT_FROM_CASE_FILES =
            "This question is answered from the stakeholder interviews, which are not part "
                    + "of the case-file snapshot this report reads.";

    static final List<String> SHARE = List.of("n", "denominator", "pct", "ci_low+ci_high");

    /** A finding of the report: its number (1, 2, ...), the research question it answers, the statement. */
    record NumberedFinding(int number, String question, Statement statement) {}

    /** A results section: the analysis, its heading, what writes it. */
    private record Part(String analysis, String heading, BiConsumer<Document, Map<String, Integer>> writer) {}

    private final StudyResults results;
    private final Instrument instrument;
    private final Map<String, String> resultFiles;
    private final ResultLookup lookup;
    private final String conf;
    private Paper paper = Paper.DEFAULT;
    private SiteLabel siteLabel = SiteLabel.AS_RECORDED;
    private Optional<MeasuresChapter> measures = Optional.empty();
    private Optional<QualitativeFindings> qualitative = Optional.empty();
    // edition: RESTRICTED names task forces, PUBLIC anonymizes them (report.disclosure, issue 10 item 8)
    private final Edition edition;
    private final SiteNames names;
    private final ComplementarySuppression rule;
    private final PublicCells publicCells;

    /**
     * @param results     the results
     * @param instrument  the snapshot's instrument (the appendix)
     * @param resultFiles result JSON file name to SHA-256, listed in the appendix
     */
    public TechnicalReport(StudyResults results, Instrument instrument, Map<String, String> resultFiles) {
        this(results, instrument, resultFiles, Edition.RESTRICTED, ComplementarySuppression.standard());
    }

    /** An edition; {@code rule} withholds small counts of task forces in a public edition. */
    public TechnicalReport(
            StudyResults results,
            Instrument instrument,
            Map<String, String> resultFiles,
            Edition edition,
            ComplementarySuppression rule) {
        this.edition = Objects.requireNonNull(edition, "edition");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.publicCells = edition.namesSites() ? null : new PublicCells(results, rule);
        this.names = SiteNames.of(edition, results.snapshot().id(), TaskForceReport.taskForces(results));
        this.results = Objects.requireNonNull(results, "results");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.resultFiles = new LinkedHashMap<>(resultFiles);
        this.lookup = new ResultLookup(results);
        this.conf = lookup.confidence();
    }

    /** Lays the PDF out on {@code p} (default US Letter). */
    public TechnicalReport withPaper(Paper p) {
        this.paper = Objects.requireNonNull(p, "paper");
        return this;
    }

    /** Prints task-force names through {@code label} (default: as recorded). */
    public TechnicalReport withSiteLabel(SiteLabel label) {
        this.siteLabel = Objects.requireNonNull(label, "label");
        return this;
    }

    /** Adds the performance-measures chapter after the findings (when the snapshot holds measures). */
    public TechnicalReport withMeasures(Optional<MeasuresChapter> chapter) {
        this.measures = Objects.requireNonNull(chapter, "chapter");
        return this;
    }

    /** Adds the qualitative findings under the interviews' research question (when the snapshot holds them). */
    public TechnicalReport withQualitative(Optional<QualitativeFindings> findings) {
        this.qualitative = Objects.requireNonNull(findings, "findings");
        return this;
    }

    /** The one place a task force's name is printed from. */
    String site(String taskForce) {
        return siteLabel.of(taskForce);
    }

    /** Footer of every page: the snapshot. */
    public static String footer(StudyResults r) {
        return (r.snapshot().synthetic() ? "SYNTHETIC DATA \u00B7 " : "") + "snapshot "
                + r.snapshot().shortId() + " \u00B7 tfeval " + r.tfevalVersion();
    }

    /** The research questions the report answers: the instrument's, or {@link #DEFAULT_QUESTIONS}. */
    List<ResearchQuestion> questions() {
        List<ResearchQuestion> q = instrument.study().researchQuestions();
        return q.isEmpty() ? DEFAULT_QUESTIONS : q;
    }

    /** The research question a statement answers (by its first source's analysis), or null. */
    static String questionOf(Statement st) {
        if (st.sources().isEmpty()) return null;
        String s = st.sources().get(0);
        return QUESTION_OF.get(s.contains("/") ? s.substring(0, s.indexOf('/')) : s);
    }

    /** Whether a statement says why a model is not reported: it is printed, but not numbered as a finding. */
    static boolean notAFinding(Statement st) {
        return st.sources().contains(OutcomePrediction.ID + "/" + OutcomePrediction.MODELS.id());
    }

    /** The findings, numbered in the order of the research questions they answer, then the rest. */
    List<NumberedFinding> findings() {
        List<Statement> all =
                Findings.summary(lookup).stream().filter(st -> !notAFinding(st)).toList();
        List<String> ids =
                new ArrayList<>(questions().stream().map(ResearchQuestion::id).toList());
        List<NumberedFinding> out = new ArrayList<>();
        for (String id : ids) {
            for (Statement st : all) {
                if (id.equals(questionOf(st))) out.add(new NumberedFinding(out.size() + 1, id, st));
            }
        }
        for (Statement st : all) {
            String q = questionOf(st);
            if (q != null && !ids.contains(q)) out.add(new NumberedFinding(out.size() + 1, null, st));
        }
        return out;
    }

    /** The report as XHTML. */
    public String toXhtml() {
        // first pass: learn the numbers of tables and sections, which the text cites before they appear
        Map<String, Integer> numbers = new HashMap<>();
        write(Document.create(TITLE, ""), numbers);
        Document doc = Document.create(TITLE, edition.footer(footer(results))).paper(paper); // edition
        write(doc, numbers);
        return names.anonymize(doc.toXhtml()); // edition: the one place task-force IDs become labels
    }

    private void write(Document doc, Map<String, Integer> numbers) {
        var s = results.snapshot();
        List<String> lines = new ArrayList<>();
        lines.add(edition.marking()); // edition
        lines.add("Snapshot " + s.id());
        lines.add("Instrument " + s.instrumentId() + " " + s.instrumentVersion() + " \u00B7 snapshot taken "
                + s.createdAt() + " by tfeval " + s.tfevalVersion());
        lines.add("Analyses and report by tfeval " + results.tfevalVersion());
        if (s.allowErrors())
            lines.add("Snapshot taken with "
                    + Format.count(s.validationErrors(), "validation error", "validation errors")
                    + " unresolved (--allow-errors)");
        doc.titlePage(new TitlePage(
                TITLE,
                "Case outcomes, charging, survivors and task-force features across the study's task forces",
                s.synthetic(),
                lines));
        doc.contents();

        List<NumberedFinding> findings = findings();
        List<Statement> recommendations = Recommendations.from(lookup);

        doc.section("Executive summary");
        for (Statement st : ExecutiveSummary.from(lookup, recommendations.size()))
            doc.paragraph(cited(st.text(), cite(st, numbers)));

        background(doc);
        program(doc, numbers);
        researchQuestions(doc, numbers);

        numbers.put("section/methods", doc.sectionOnNewPage("Methods"));
        methods(doc);

        numbers.put("section/sample", doc.sectionOnNewPage("The sample"));
        Findings.summary(lookup).stream()
                .filter(st -> !st.sources().isEmpty() && st.sources().get(0).startsWith(SampleDescription.ID + "/"))
                .forEach(st -> doc.paragraph(cited(st.text(), cite(st, numbers))));
        if (!edition.namesSites()) new PublicSiteTable(results, names, rule).write(doc); // edition
        sample(doc, numbers);

        if (edition.namesSites()) { // edition: a profile page per task force names it
            numbers.put("section/sites", doc.sectionOnNewPage("Site profiles"));
            SiteProfiles.write(doc, lookup, siteLabel, conf);
        }

        List<Part> parts = parts();
        List<String> asked = new ArrayList<>();
        int qn = 0;
        for (ResearchQuestion q : questions()) {
            qn++;
            asked.add(q.id());
            numbers.put("section/" + q.id(), doc.sectionOnNewPage("Findings on research question " + qn));
            doc.paragraph("Research question " + qn + ": " + q.question());
            findingsOf(doc, numbers, findings, q.id());
            int written = 0;
            for (Part p : parts) {
                if (!q.id().equals(QUESTION_OF.get(p.analysis())) || !results.has(p.analysis())) continue;
                doc.subsection(p.heading());
                p.writer().accept(doc, numbers);
                written++;
            }
            if (q.id().equals(INTERVIEWS)) {
                // chapter: qualitative findings
                qualitative.ifPresent(f -> QualitativeChapter.write(doc, f, results, rule));
                if (written == 0 && qualitative.isEmpty()) doc.paragraph(NOT_FROM_CASE_FILES);
            } else if (written == 0) {
                doc.paragraph("The analyses of this snapshot do not address this question.");
            }
        }
        List<Part> further = parts.stream()
                .filter(p -> results.has(p.analysis()) && !asked.contains(QUESTION_OF.get(p.analysis())))
                .toList();
        if (!further.isEmpty()) {
            doc.sectionOnNewPage(FURTHER_FINDINGS);
            findingsOf(doc, numbers, findings, null);
            for (Part p : further) {
                doc.subsection(p.heading());
                p.writer().accept(doc, numbers);
            }
        }
        // chapter: performance measures
        measures.ifPresent(m -> {
            if (edition.namesSites()) m.write(doc);
            else // edition: the measures are reported per task force, which this edition does not name
            doc.paragraph("The grantees' performance measures are reported per task force; their chapter is in "
                    + "the restricted edition of this report and in each task force's own report.");
        });

        doc.sectionOnNewPage("Recommendations");
        doc.paragraph(
                "Each recommendation is made only when its condition holds in the data, and cites the findings and "
                        + "tables it rests on.");
        List<String> recs = new ArrayList<>();
        for (Statement st : recommendations) recs.add(cited(st.text(), restsOn(st, numbers, findings)));
        doc.bullets(recs);

        doc.section("Limitations");
        List<String> lim = new ArrayList<>();
        for (Statement st : Limitations.from(lookup)) lim.add(cited(st.text(), cite(st, numbers)));
        doc.bullets(lim);

        doc.sectionOnNewPage("References");
        StringBuilder labels = new StringBuilder(methodsText());
        instrument
                .forms()
                .forEach(f -> f.variables().forEach(v -> labels.append(' ').append(v.label())));
        doc.bullets(References.citedBy(labels.toString()));

        appendix(doc);
    }

    /** The findings of one research question (null: of none listed), numbered, each citing its tables. */
    private void findingsOf(
            Document doc, Map<String, Integer> numbers, List<NumberedFinding> findings, String question) {
        List<String> items = new ArrayList<>();
        for (NumberedFinding f : findings) {
            if (Objects.equals(f.question(), question))
                items.add("Finding " + f.number() + ". " + cited(f.statement().text(), cite(f.statement(), numbers)));
        }
        if (!items.isEmpty()) {
            doc.subsection("Key findings");
            doc.bullets(items);
        }
        for (Statement st : Findings.summary(lookup)) {
            if (notAFinding(st) && Objects.equals(questionOf(st), question))
                doc.paragraph(cited(st.text(), cite(st, numbers)));
        }
    }

    private void background(Document doc) {
        doc.section("Background");
        StudyDescription d = instrument.study();
        if (!d.abstractText().isEmpty()) doc.paragraph(d.abstractText());
        List<String> facts = new ArrayList<>();
        if (!d.timePeriod().isEmpty())
            facts.add("The data cover "
                    + Format.range(d.timePeriod().start(), d.timePeriod().end()) + ".");
        if (!d.dataKind().isEmpty()) facts.add("Data: " + sentence(d.dataKind()));
        if (!d.analysisUnit().isEmpty()) facts.add("Units of analysis: " + sentence(d.analysisUnit()));
        if (!facts.isEmpty()) doc.paragraph(String.join(" ", facts));
        List<String> who = new ArrayList<>();
        if (!d.producer().isEmpty()) who.add("Data produced by " + d.producer() + ".");
        if (!d.principalInvestigators().isEmpty())
            who.add(Format.noun(
                            d.principalInvestigators().size(), "Principal investigator: ", "Principal investigators: ")
                    + String.join(
                            "; ",
                            d.principalInvestigators().stream()
                                    .map(p -> p.name() + (p.affiliation().isEmpty() ? "" : ", " + p.affiliation()))
                                    .toList())
                    + ".");
        if (!d.funding().isEmpty())
            who.add("Funded by "
                    + String.join(
                            "; ",
                            d.funding().stream()
                                    .map(f -> f.funder() + (f.award().isEmpty() ? "" : ", award " + f.award()))
                                    .toList())
                    + ".");
        if (!who.isEmpty()) doc.paragraph(String.join(" ", who));
        if (d.abstractText().isEmpty() && facts.isEmpty() && who.isEmpty())
            doc.paragraph("The instrument " + instrument.id() + " carries no description of the study.");
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    private void program(Document doc, Map<String, Integer> numbers) {
        doc.section("The program");
        StudyDescription d = instrument.study();
        if (!d.universe().isEmpty()) doc.paragraph("The evaluation covers " + lowerFirst(sentence(d.universe())));
        lookup.table(SampleDescription.ID, SampleDescription.SITES).ifPresent(t -> {
            Map<String, Long> scope = new TreeMap<>();
            Map<String, Long> lead = new TreeMap<>();
            long n = 0;
            for (SampleDescription.SiteRow r : t.rows()) {
                if (r.taskForce().equals(SampleDescription.ALL)) continue;
                n++;
                scope.merge(r.scope() == null ? Format.NONE : r.scope(), 1L, Long::sum);
                lead.merge(r.leadModel() == null ? Format.NONE : r.leadModel(), 1L, Long::sum);
            }
            Statement st = new Statement(
                    "The study has " + Format.count(n, "task force", "task forces") + ". By scope: " + tally(scope)
                            + ". By leadership: " + tally(lead) + ".",
                    List.of(SampleDescription.ID + "/" + SampleDescription.SITES.id()));
            doc.paragraph(cited(st.text(), cite(st, numbers)));
        });
        if (!d.geography().isEmpty()) doc.paragraph("Geography: " + sentence(d.geography()));
        if (!d.sampleDesign().frames().isEmpty())
            doc.paragraph(
                    "Who and what was sampled: " + sentence(d.sampleDesign().frames()));
    }

    private static String tally(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private void researchQuestions(Document doc, Map<String, Integer> numbers) {
        doc.section("Research questions");
        List<String> items = new ArrayList<>();
        int i = 0;
        for (ResearchQuestion q : questions()) {
            i++;
            Integer sec = numbers.get("section/" + q.id());
            items.add(i + ". " + q.question() + (sec == null ? "" : " (Section " + sec + ")"));
        }
        doc.bullets(items);
    }

    private static String cite(Statement st, Map<String, Integer> numbers) {
        String t = tables(st, numbers);
        return t.isEmpty() ? "" : " (" + t + ")";
    }

    /** The tables a statement draws on, by number: {@code Table 5}, {@code Tables 5 and 7}, or empty. */
    private static String tables(Statement st, Map<String, Integer> numbers) {
        List<String> refs = new ArrayList<>();
        for (String src : st.sources()) {
            Integer n = numbers.get(src);
            if (n != null && !refs.contains(Integer.toString(n))) refs.add(Integer.toString(n));
        }
        return refs.isEmpty() ? "" : Format.noun(refs.size(), "Table ", "Tables ") + Format.list(refs);
    }

    /** A sentence with its citation before the closing full stop. */
    static String cited(String text, String cite) {
        if (cite.isEmpty()) return text;
        return text.endsWith(".") ? text.substring(0, text.length() - 1) + cite + "." : text + cite;
    }

    /**
     * What a recommendation rests on: the findings that share a result table with it (or, failing that,
     * an analysis), and the tables it cites.
     */
    static List<Integer> findingsBehind(Statement recommendation, List<NumberedFinding> findings) {
        List<Integer> out = new ArrayList<>();
        for (NumberedFinding f : findings) {
            for (String src : recommendation.sources()) {
                if (f.statement().sources().contains(src) && !out.contains(f.number())) out.add(f.number());
            }
        }
        if (out.isEmpty()) {
            for (NumberedFinding f : findings) {
                for (String src : recommendation.sources()) {
                    String analysis = src.substring(0, src.indexOf('/') < 0 ? src.length() : src.indexOf('/'));
                    if (f.statement().sources().stream().anyMatch(x -> x.startsWith(analysis + "/"))
                            && !out.contains(f.number())) out.add(f.number());
                }
            }
        }
        return out;
    }

    private static String restsOn(Statement st, Map<String, Integer> numbers, List<NumberedFinding> findings) {
        List<Integer> f = findingsBehind(st, findings);
        List<String> parts = new ArrayList<>();
        if (!f.isEmpty())
            parts.add(Format.noun(f.size(), "finding ", "findings ")
                    + Format.list(f.stream().map(String::valueOf).toList()));
        String t = tables(st, numbers);
        if (!t.isEmpty()) parts.add(t);
        return parts.isEmpty() ? "" : " (rests on " + String.join("; ", parts) + ")";
    }

    /** The methods every analysis reports, and the report's own: what the references and tests are chosen by. */
    private String methodsText() {
        StringBuilder b = new StringBuilder(Findings.DESIGN_BASED);
        results.analyses().forEach(a -> b.append(' ').append(a.method()));
        return b.toString();
    }

    private List<Part> parts() {
        return List.of(
                new Part(OutcomeFunnel.ID, "The outcome funnel", this::funnel),
                new Part(Charging.ID, "Charging", this::charging),
                new Part(Identification.ID, "Identification and investigation", this::identification),
                new Part(Survivors.ID, "Survivors", this::survivors),
                new Part(Disproportionality.ID, "Disproportionality", this::disparity),
                new Part(TimeToDisposition.ID, "Time from arrest to disposition", this::disposition),
                new Part(OutcomePrediction.ID, "What predicts prosecution and a trafficking charge", this::prediction),
                new Part(TaskForceComparison.ID, "Task-force features compared", this::comparison));
    }

    private void methods(Document doc) {
        var s = results.snapshot();
        doc.paragraph("Data: snapshot " + s.id()
                + " (SHA-256 content hash of its Parquet datasets and instrument), instrument " + s.instrumentId()
                + " version " + s.instrumentVersion() + ", with "
                + s.rows().entrySet().stream()
                        .map(e -> Format.count(e.getValue(), e.getKey() + " record", e.getKey() + " records"))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("no records")
                + "." + (s.synthetic() ? " The snapshot's manifest marks the data as synthetic." : ""));
        results.analyses().stream()
                .filter(a -> a.analysis().equals(SampleDescription.ID))
                .findFirst()
                .ifPresent(a -> doc.paragraph("Samples and sites: " + a.method()));
        // methods: design (frames2)
        DesignMethods.write(doc, results, conf, edition.namesSites()); // edition: no per-site draw table
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
                        + "in Appendix B. The tests that check each estimator against its oracle are listed in Appendix C. "
                        + "Analyses and report: tfeval %s.",
                conf,
                results.settings().getOrDefault("benchmark", "none"),
                results.settings().getOrDefault("seed", "-"),
                results.tfevalVersion()));
        doc.subsection("Methods note");
        doc.paragraph("Cautions the analyses raised about their own results; the findings are read with them.");
        long cautions = 0;
        // the comparison's warnings are its statement, printed with its table
        for (AnalysisResult a : results.analyses()) {
            if (a.analysis().equals(TaskForceComparison.ID) || a.warnings().isEmpty()) continue;
            doc.caution(a.title() + ":");
            doc.bullets(a.warnings());
            cautions += a.warnings().size();
        }
        if (cautions == 0) doc.paragraph("No analysis raised a caution.");
    }

    private void sample(Document doc, Map<String, Integer> numbers) {
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
                    r -> edition.namesSites() || r.taskForces() >= SiteNames.MIN_GROUP); // edition
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
    }

    private void funnel(Document doc, Map<String, Integer> numbers) {
        has(OutcomeFunnel.ID).ifPresent(a -> {
            ResultTable<StageRow> bySite = a.table(OutcomeFunnel.CASE_BY_SITE);
            Charts.funnel(lookup, OutcomeFunnel.CASE_BY_SITE, Charts.groups(bySite), siteNames(Charts.groups(bySite)))
                    .filter(svg -> edition.namesSites()) // edition: per-site shares reveal counts
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
                            r -> site(r.group()),
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
                            r -> site(r.group()),
                            StageRow::stage,
                            "pct",
                            r -> !r.stage().equals(OutcomeFunnel.INVESTIGATION),
                            "Task force"));
        });
    }

    private void charging(Document doc, Map<String, Integer> numbers) {
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
    }

    private void identification(Document doc, Map<String, Integer> numbers) {
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
    }

    private void survivors(Document doc, Map<String, Integer> numbers) {
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
    }

    private void disparity(Document doc, Map<String, Integer> numbers) {
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
                            r -> site(r.taskForce()),
                            Disproportionality.SiteRaceRow::race,
                            "ratio",
                            r -> true,
                            "Task force"));
        });
    }

    private void disposition(Document doc, Map<String, Integer> numbers) {
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
    }

    private void prediction(Document doc, Map<String, Integer> numbers) {
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
        });
    }

    private void comparison(Document doc, Map<String, Integer> numbers) {
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
                    r -> edition.namesSites() || r.taskForces() >= SiteNames.MIN_GROUP); // edition
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
                    r -> edition.namesSites() || Math.min(r.with(), r.without()) >= SiteNames.MIN_GROUP); // edition
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
        record(doc, numbers, a, t.id(), siteLabels(ResultViews.of(a.analysis(), t, caption, columns, rows, conf)));
    }

    /** The task-force column of a view printed through {@link #site}: a label, no longer the traced value. */
    private TableView siteLabels(TableView v) {
        List<List<Cell>> rows = new ArrayList<>();
        for (List<Cell> r : v.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (Cell c : r) {
                boolean name = c.trace() != null && c.trace().endsWith("/task_force") && !c.suppressed();
                cells.add(name ? Cell.text(site(c.text())) : c);
            }
            rows.add(cells);
        }
        return new TableView(v.caption(), v.source(), v.headers(), rows, v.notes());
    }

    /** Chart labels of task forces, printed through {@link #site}. */
    private Map<String, String> siteNames(List<String> taskForces) {
        Map<String, String> out = new LinkedHashMap<>();
        taskForces.forEach(tf -> out.put(tf, site(tf)));
        return out;
    }

    private void record(Document doc, Map<String, Integer> numbers, AnalysisResult a, String table, TableView v) {
        if (!edition.namesSites() && PublicSiteTable.PER_SITE.contains(table)) return; // edition
        int n = doc.table(publicCells == null ? v : publicCells.protect(v)); // edition: small cells
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
        doc.subsection("Codebook summary");
        TableView.Builder summary = TableView.builder("The instrument's forms and their variables")
                .headers("Form", "Label", "Variables", "Coded", "Derived", "With value labels");
        for (Form f : instrument.forms()) {
            long derived = f.variables().stream().filter(Variable::isDerived).count();
            long labelled = f.variables().stream()
                    .filter(v -> !v.valueLabels().isEmpty())
                    .count();
            summary.row(
                    Cell.text(f.name()),
                    Cell.text(f.label()),
                    Cell.text(Format.count(f.variables().size())),
                    Cell.text(Format.count(f.variables().size() - derived)),
                    Cell.text(Format.count(derived)),
                    Cell.text(Format.count(labelled)));
        }
        doc.table(summary.build());
        doc.subsection("Variables");
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
        doc.sectionOnNewPage("Appendix B: result files");
        doc.paragraph("The result tables behind every number, as JSON beside this report; each names snapshot "
                + results.snapshot().id() + ".");
        TableView.Builder b =
                TableView.builder("Result files and their SHA-256 hashes").headers("File", "SHA-256");
        resultFiles.forEach((f, h) -> b.row(Cell.text(f), Cell.text(h)));
        doc.table(b.build());
        doc.section("Appendix C: the tests behind the methods");
        doc.paragraph("Each estimator the methods name is checked by a test in the tfeval source against an "
                + "independent oracle; the tests run on every build of the version named on the title page.");
        TableView.Builder c = TableView.builder("Estimators, their tests and their oracles")
                .headers("Estimator", "Test (tfeval source)", "Oracle");
        for (Verification.Check k : Verification.namedBy(methodsText()))
            c.row(Cell.text(k.method()), Cell.text(k.test()), Cell.text(k.oracle()));
        doc.table(c.build());
    }
}
