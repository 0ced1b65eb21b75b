package org.tfeval.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Variable;

/**
 * Writes a synthetic ECM study: one import-format CSV file per instrument form, the sampling
 * frame {@code case_list.csv}, and {@code SYNTHETIC.txt}. Immutable; configure by copy:
 *
 * <pre>{@code
 * GeneratedStudy study = StudyGenerator.defaults().withCases(1_000_000).withSites(50).withErrors(false)
 *         .generate(InstrumentLoader.builtIn("ecm"), dir, ProgressListener.none());
 * }</pre>
 *
 * <p>The defaults reproduce the first ECM evaluation: 226 case files from 8 of 10 task forces,
 * 208 victims and 257 suspects, with a handful of deliberate errors for demonstrations. Other
 * sizes scale the victim and suspect totals in proportion. The output depends only on the
 * configuration: the same seed gives byte-identical files on every machine. Generation streams
 * case by case, so memory does not grow with the number of cases.
 */
public final class StudyGenerator {
    /** Cases in the first ECM evaluation. */
    public static final int DEFAULT_CASES = CalibrationTargets.STUDY_CASES;
    /** Task forces in the first ECM evaluation. */
    public static final int DEFAULT_SITES = CalibrationTargets.STUDY_SITES;
    /** The seed of the demo study. */
    public static final long DEFAULT_SEED = 20240601L;
    /** Most task forces (so that IDs stay within the instrument's pattern). */
    public static final int MAX_SITES = 9_999;
    /** Most cases in one task force (case numbers have at most 7 digits). */
    public static final int MAX_CASES_PER_SITE = 9_999_999;
    /** How many cases between two progress reports. */
    static final int PROGRESS_EVERY = 1_024;

    private static final List<String> FORMS = List.of("task_force", "case", "victim", "suspect", "offense");

    private final int cases;
    private final int sites;
    private final long seed;
    private final boolean errors;
    private final CodedDraw draw;

    private StudyGenerator(int cases, int sites, long seed, boolean errors) {
        this(cases, sites, seed, errors, null);
    }

    private StudyGenerator(int cases, int sites, long seed, boolean errors, CodedDraw draw) {
        if (cases < 0) throw new IllegalArgumentException("cases must be >= 0, got " + cases);
        if (sites < 1 || sites > MAX_SITES)
            throw new IllegalArgumentException("sites must be 1.." + MAX_SITES + ", got " + sites);
        this.cases = cases;
        this.sites = sites;
        this.seed = seed;
        this.errors = errors;
        this.draw = draw;
    }

    /** The first ECM evaluation's size (226 cases, 10 task forces), seed 20240601, with deliberate errors. */
    public static StudyGenerator defaults() {
        return new StudyGenerator(DEFAULT_CASES, DEFAULT_SITES, DEFAULT_SEED, true);
    }

    /** The same generator for another number of case files in total. */
    public StudyGenerator withCases(int cases) {
        return new StudyGenerator(cases, sites, seed, errors, draw);
    }

    /** The same generator for another number of task forces (about 80% of them provide case files). */
    public StudyGenerator withSites(int sites) {
        return new StudyGenerator(cases, sites, seed, errors, draw);
    }

    /** The same generator with another master seed. */
    public StudyGenerator withSeed(long seed) {
        return new StudyGenerator(cases, sites, seed, errors, draw);
    }

    /** The same generator with or without a handful of deliberate errors (demos: true; benchmarks: false). */
    public StudyGenerator withErrors(boolean errors) {
        return new StudyGenerator(cases, sites, seed, errors, draw);
    }

    /**
     * The same generator coding exactly the entries of a recorded draw of its case list (sampled entries, and
     * replacements for the unusable ones: {@link CodedDraw}) instead of each site's own sample; the case list is the
     * same. {@code null} goes back to the own sample.
     */
    public StudyGenerator withDraw(CodedDraw d) {
        return new StudyGenerator(cases, sites, seed, errors, d);
    }

    /**
     * The planned sample size of each task force that provides case files (TF_ID to cases), as the evaluation
     * agreed them with the sites: what a draw for {@link #withDraw} takes per site.
     */
    public Map<String, Integer> plannedSampleSizes() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        for (Site s : SitePlanner.plan(sites, cases, seed)) if (s.providesFiles()) m.put(s.tfId(), s.cases());
        return java.util.Collections.unmodifiableMap(m);
    }

    /** What a recorded draw made of each task force's sample (TF_ID to the coded entries); empty without a draw. */
    public Map<String, CodedDraw.Coded> codedDraw() {
        Map<String, CodedDraw.Coded> m = new java.util.TreeMap<>();
        if (draw == null) return m;
        for (Site s : SitePlanner.plan(sites, cases, seed))
            if (s.providesFiles()) m.put(s.tfId(), draw.coded(s.tfId(), s.index(), seed));
        return java.util.Collections.unmodifiableMap(m);
    }

    static java.util.Set<String> coded(CodedDraw draw, Site site, long seed) {
        return draw == null ? null : draw.coded(site.tfId(), site.index(), seed).references();
    }

    public int cases() {
        return cases;
    }

    public int sites() {
        return sites;
    }

    public long seed() {
        return seed;
    }

    public boolean errors() {
        return errors;
    }

    /**
     * Writes the study into a directory (created if needed; files of the same names are replaced).
     *
     * @param instrument the ECM instrument or a refinement of it (it must have the forms task_force,
     *                   case, victim, suspect and offense)
     * @param dir        the output directory
     * @param progress   receives rows written per file
     * @return row counts and the deliberately injected errors
     * @throws UncheckedIOException when a file cannot be written
     */
    public GeneratedStudy generate(Instrument instrument, Path dir, ProgressListener progress) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(progress, "progress");
        for (String name : FORMS) {
            if (instrument.findForm(name).isEmpty()) {
                throw new IllegalArgumentException("instrument " + instrument.id() + " has no form '" + name
                        + "'; the synthetic generator writes " + FORMS);
            }
        }
        Map<String, FormLayout> layouts = new LinkedHashMap<>();
        for (Form f : instrument.forms()) layouts.put(f.name(), new FormLayout(instrument, f));
        List<String> evidence = instrument.form("case").variables().stream()
                .filter(v -> "evidence".equals(v.group()))
                .map(Variable::name)
                .toList();
        StudyPlan plan = StudyPlan.prepare(cases, sites, seed, evidence, MAX_CASES_PER_SITE, draw);
        try {
            Files.createDirectories(dir);
            return write(instrument, dir, progress, layouts, plan);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic study to " + dir + ": " + e.getMessage(), e);
        }
    }

    private GeneratedStudy write(
            Instrument instrument, Path dir, ProgressListener progress, Map<String, FormLayout> layouts, StudyPlan plan)
            throws IOException {
        Map<String, CsvFile> files = new LinkedHashMap<>();
        ErrorInjector injector = new ErrorInjector(instrument, plan.cases, seed, errors);
        CaseBuilder builder = new CaseBuilder(
                layouts.get("case"),
                layouts.get("victim"),
                layouts.get("suspect"),
                layouts.get("offense"),
                plan.caseModel.evidenceFlags(),
                injector);
        long victimTotal = plan.victims.total();
        long suspectTotal = plan.suspects.total();
        try (CsvFile caseList =
                new CsvFile(dir.resolve(GeneratedStudy.CASE_LIST_FILE), GeneratedStudy.CASE_LIST_COLUMNS)) {
            try {
                for (FormLayout l : layouts.values())
                    files.put(l.name(), new CsvFile(dir.resolve(l.name() + ".csv"), l.header()));
                CsvFile taskForces = files.get("task_force");
                List<Rec> tfRecords = new ArrayList<>();
                for (Site site : plan.sites) {
                    Rec tf = taskForce(layouts.get("task_force"), site);
                    tfRecords.add(tf);
                    taskForces.write(tf);
                }
                progress.progress("task_force", taskForces.rows(), plan.sites.size());
                long done = 0;
                for (Site site : plan.sites) {
                    if (!site.providesFiles()) continue;
                    SamplingFrame frame = new SamplingFrame(site, seed, coded(draw, site, seed));
                    while (frame.next()) {
                        caseList.writeRow(
                                site.tfId(),
                                frame.caseReference(),
                                Integer.toString(frame.closedYear()),
                                Integer.toString(frame.htType()));
                        if (!frame.selected()) continue;
                        StudyPlan.CaseDraft d =
                                plan.draft(site, frame.caseNumber(), frame.closedYear(), frame.htType());
                        int v = plan.victims.adjust(d.rawVictims(), d.minVictims(), d.victimWeight());
                        int s = plan.suspects.adjust(d.rawSuspects(), d.minSuspects(), d.suspectWeight());
                        CaseBuilder.Built b = builder.build(
                                site,
                                tfRecords.get(site.index()),
                                frame.caseNumber(),
                                frame.caseReference(),
                                d,
                                v,
                                s,
                                done);
                        files.get("case").write(b.caseRecord());
                        for (Rec r : b.victims()) files.get("victim").write(r);
                        for (Rec r : b.suspects()) files.get("suspect").write(r);
                        for (Rec r : b.offenses()) files.get("offense").write(r);
                        done++;
                        if (done % PROGRESS_EVERY == 0)
                            report(progress, files, caseList, plan, victimTotal, suspectTotal);
                    }
                }
                report(progress, files, caseList, plan, victimTotal, suspectTotal);
            } finally {
                for (CsvFile f : files.values()) f.close();
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        files.forEach((name, f) -> rows.put(name, f.rows()));
        List<String> unmodelled = new ArrayList<>();
        for (FormLayout l : layouts.values()) {
            l.unmodelled().forEach(v -> unmodelled.add(l.name() + "." + v));
            if (!FORMS.contains(l.name())) unmodelled.add(l.name() + ".*");
        }
        long caseListRows = plan.frameRows;
        GeneratedStudy study = new GeneratedStudy(dir, seed, rows, caseListRows, injector.injected(), unmodelled);
        SyntheticNotice.write(dir.resolve(GeneratedStudy.NOTICE_FILE), this, instrument, plan, study);
        return study;
    }

    private static void report(
            ProgressListener progress,
            Map<String, CsvFile> files,
            CsvFile caseList,
            StudyPlan plan,
            long victims,
            long suspects) {
        progress.progress("case_list", caseList.rows(), plan.frameRows);
        progress.progress("case", files.get("case").rows(), plan.cases);
        progress.progress("victim", files.get("victim").rows(), victims);
        progress.progress("suspect", files.get("suspect").rows(), suspects);
        progress.progress("offense", files.get("offense").rows(), -1);
    }

    private Rec taskForce(FormLayout layout, Site site) {
        Rec r = layout.newRec();
        r.set("TF_ID", site.tfId());
        r.set("TF_NAME", site.name());
        r.set("TF_STATE", site.state());
        r.set("TF_SCOPE", site.scope());
        r.set("TF_LEAD_LE_TYPE", site.leadLeType());
        r.set("TF_LEAD_MODEL", site.leadModel());
        r.set("TF_COLOCATED", site.colocated());
        r.set("TF_SPEC_UNIT", site.specUnit());
        r.set("TF_SPEC_PROSECUTOR", site.specProsecutor());
        r.set("TF_LE_UNIT_LOCATION", site.leUnitLocation());
        r.set("TF_N_AGENCIES", site.agencies());
        r.set("TF_N_MEMBERS", site.members());
        r.set("TF_FIRST_FY", site.firstFiscalYear());
        r.set("TF_FUNDING_CYCLE", site.fundingCycle());
        r.set("TF_PURPOSE_AREA", site.purposeArea());
        r.set("TF_FOCUS", site.focus());
        r.set("TF_LABOR_PARTNER", site.laborPartner());
        r.set("TF_MAY_ARREST_SURVIVORS", site.mayArrestSurvivors());
        r.set("TF_CASE_FILES_PROVIDED", site.providesFiles());
        if (site.providesFiles()) {
            r.set("TF_SAMPLE_DRAWN_BY", site.sampleDrawnBy());
            r.set("TF_FILE_MODE", site.fileMode());
        }
        layout.finish(r);
        SplittableRandom rng = RandomStream.SITES.open(seed, 1, site.index());
        layout.degrade(r, rng);
        return r;
    }

    @Override
    public String toString() {
        return "StudyGenerator[cases=" + cases + ", sites=" + sites + ", seed=" + seed + ", errors=" + errors + "]";
    }
}
