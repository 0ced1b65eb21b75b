package org.tfeval.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.report.ReportSet;
import org.tfeval.report.Reports;
import org.tfeval.study.measures.SyntheticPerformanceMeasures;
import org.tfeval.study.qual.SyntheticInterviews;
import org.tfeval.synth.GeneratedStudy;
import org.tfeval.synth.StudyGenerator;

/**
 * The demo use case: a new study with a SYNTHETIC data set, taken through the whole workflow the
 * way a team would (generate, import strictly, draw the case sample, plant a few deliberate coding
 * errors as a coder's audited edits, validate, freeze, build every report). Configured by copy.
 */
public final class Demo {
    /** The audit log's reason for the planted errors. */
    public static final String PLANTED = "deliberate coding error planted by tfeval demo (synthetic data)";
    /** The folder of the synthetic interview corpus (transcripts, participants, interviews, planted identifiers). */
    public static final String INTERVIEWS = "interviews";
    /** The folder of the synthetic performance measures (the clean file and the file with planted errors). */
    public static final String MEASURES = "measures";

    /** Who the demo acts as in the audit log. */
    public static final String ACTOR = "tfeval-demo";
    /**
     * The demo's sample design: the cases agreed with each task force (the synthetic study's planned sizes, 8% to
     * 15% of its case list) drawn by the Sampler, 5 ordered replacements per task force.
     */
    public static final int SAMPLE_REPLACEMENTS = 5;

    private final int cases;
    private final int sites;
    private final long seed;
    private final String version;
    private final ProgressListener progress;

    private Demo(int cases, int sites, long seed, String version, ProgressListener progress) {
        this.cases = cases;
        this.sites = sites;
        this.seed = seed;
        this.version = Objects.requireNonNull(version, "version");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The published demo: 226 cases at 10 task forces. */
    public static Demo defaults() {
        return new Demo(226, 10, 20240601L, "dev", ProgressListener.NONE);
    }

    public Demo withCases(int n) {
        return new Demo(n, sites, seed, version, progress);
    }

    public Demo withSites(int n) {
        return new Demo(cases, n, seed, version, progress);
    }

    public Demo withSeed(long s) {
        return new Demo(cases, sites, s, version, progress);
    }

    public Demo withVersion(String v) {
        return new Demo(cases, sites, seed, v, progress);
    }

    public Demo withProgress(ProgressListener p) {
        return new Demo(cases, sites, seed, version, p);
    }

    /** What the demo made. */
    public record Outcome(
            GeneratedStudy generated,
            List<ImportResult> imports,
            SyntheticInterviews.Summary interviews,
            int plantedEdits,
            int plannedErrors,
            Study.Sampled sample,
            Study.Frozen frozen,
            ReportSet reports,
            SyntheticPerformanceMeasures.Summary measures,
            Map<String, org.tfeval.synth.CodedDraw.Coded> coded,
            org.tfeval.study.coding.SyntheticDoubleCoding.Summary doubleCoded) {}

    /**
     * Runs the demo in an open, newly created study: the case files, and a clearly labelled SYNTHETIC
     * interview corpus (143 stakeholders at the published group mix, community members and survivors at
     * every site, a double-coded reliability round).
     */
    public Outcome run(Study study) {
        Path clean = study.folder().syntheticFiles();
        StudyGenerator planned =
                StudyGenerator.defaults().withCases(cases).withSites(sites).withSeed(seed);
        // the sample is drawn from the case list first, and the synthetic coders code exactly its entries
        // (replacements for the files that turn out unusable): the coded cases ARE the recorded draw
        planned.withErrors(false)
                .generate(study.instrument(), clean, (f, d, t) -> progress.progress("case list " + f, d, t));
        Path caseList = clean.resolve(GeneratedStudy.CASE_LIST_FILE);
        Study.Sampled sample = study.sample(
                Study.SampleDesign.of(perSite(planned.plannedSampleSizes()), seed, SAMPLE_REPLACEMENTS),
                caseList,
                ACTOR,
                version,
                null);
        StudyGenerator generator = planned.withDraw(codedDraw(study, sample));
        GeneratedStudy g = generator
                .withErrors(false)
                .generate(study.instrument(), clean, (f, d, t) -> progress.progress("generate " + f, d, t));
        if (!org.tfeval.instrument.workflow.ContentHash.sha256(g.caseList()).equals(sample.frameSha256()))
            throw Problem.internal("the demo's case list changed between the draw and the coding", null);
        Path planted = null;
        try {
            planted = Files.createTempDirectory("tfeval-demo-");
            GeneratedStudy withErrors = generator
                    .withErrors(true)
                    .generate(study.instrument(), planted, (f, d, t) -> progress.progress("plan errors " + f, d, t));
            List<ImportResult> imports = new ArrayList<>();
            if (!study.importForms(clean, ACTOR, "synthetic data", progress, imports::add)) {
                throw Problem.internal(
                        "the demo's generated files were refused on import: "
                                + imports.get(imports.size() - 1).countsByCode(),
                        null);
            }
            SyntheticInterviews.Summary interviews = SyntheticInterviews.withSeed(seed)
                    .run(study, study.folder().dir().resolve(INTERVIEWS), sites, ACTOR, progress);
            SyntheticPerformanceMeasures.Summary measures = SyntheticPerformanceMeasures.withSeed(seed)
                    .run(study, study.folder().dir().resolve(MEASURES), ACTOR);
            int edits = plant(study, clean, planted);
            // reliability round: a blind second pass of about 10% of each task force's case files
            org.tfeval.study.coding.SyntheticDoubleCoding.Summary doubleCoded =
                    org.tfeval.study.coding.SyntheticDoubleCoding.withSeed(seed).run(study.store(), ACTOR);
            Study.Frozen frozen = study.freeze(new Study.Freeze(ACTOR, true, version), progress);
            ReportSet reports = study.reports(
                    frozen.snapshot(),
                    Reports.standard().withProgress(progress),
                    // design weights come from the snapshot's sample design (the recorded draw)
                    AnalysisSettings.defaults(),
                    version,
                    null);
            return new Outcome(
                    g,
                    imports,
                    interviews,
                    edits,
                    withErrors.injectedErrors().size(),
                    sample,
                    frozen,
                    reports,
                    measures,
                    generator.codedDraw(),
                    doubleCoded);
        } catch (IOException e) {
            throw Problem.internal("the demo could not work in a temporary folder (" + e.getMessage() + ")", e);
        } finally {
            if (planted != null) StudyFiles.removeCreated(planted, false);
        }
    }

    /** The per-site size list of the draw ({@code TF001=25,TF003=31}): the sizes agreed with each task force. */
    static String perSite(Map<String, Integer> sizes) {
        StringBuilder b = new StringBuilder();
        sizes.forEach((tf, n) ->
                b.append(b.length() == 0 ? "" : ",").append(tf).append('=').append(n));
        return b.toString();
    }

    /** The recorded draw as the generator codes it: each task force's entries in draw order, sample first. */
    private static org.tfeval.synth.CodedDraw codedDraw(Study study, Study.Sampled sample) {
        org.tfeval.store.sample.SampleDraw d = org.tfeval.store.sample.Sampler.load(study.store(), sample.id());
        Map<String, List<String>> drawn = new java.util.TreeMap<>();
        Map<String, Integer> sampled = new java.util.TreeMap<>();
        for (org.tfeval.store.sample.SampleDraw.Drawn c : d.cases()) {
            drawn.computeIfAbsent(c.tfId(), k -> new ArrayList<>()).add(c.caseRef());
            if (!c.replacement()) sampled.merge(c.tfId(), 1, Integer::sum);
        }
        return new org.tfeval.synth.CodedDraw(drawn, sampled);
    }

    /** Applies, as audited edits, every cell where the planted files differ from the clean ones. */
    private static int plant(Study study, Path clean, Path planted) throws IOException {
        int edits = 0;
        for (Form f : study.instrument().forms()) {
            List<CSVRecord> a = read(clean.resolve(f.name() + ".csv"));
            List<CSVRecord> b = read(planted.resolve(f.name() + ".csv"));
            Map<String, CSVRecord> byKey = new HashMap<>();
            for (CSVRecord r : a) byKey.put(key(f, r), r);
            for (CSVRecord r : b) {
                CSVRecord original = byKey.get(key(f, r));
                if (original == null) continue;
                Map<String, String> changes = new LinkedHashMap<>();
                for (String col : r.getParser().getHeaderNames()) {
                    if (!r.get(col).equals(original.get(col))) changes.put(col, r.get(col));
                }
                if (!changes.isEmpty()) {
                    List<String> key = new ArrayList<>();
                    f.key().forEach(k -> key.add(r.get(k)));
                    study.edit(f.name(), key, changes, PLANTED, ACTOR);
                    edits++;
                }
            }
        }
        return edits;
    }

    private static String key(Form f, CSVRecord r) {
        StringBuilder b = new StringBuilder();
        for (String k : f.key()) b.append(r.get(k)).append('/');
        return b.toString();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)
                    .getRecords();
        }
    }
}
