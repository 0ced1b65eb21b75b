package org.tfeval.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.Variable;
import org.tfeval.synth.StudyFiles.Finding;

class StudyGeneratorTest {
    private static final Instrument ECM = InstrumentLoader.builtIn("ecm");

    /**
     * Tolerances for shares in the default study. The study has about 200 sex-trafficking cases
     * and 257 suspects, so a share p drawn around its target has a binomial standard error of
     * sqrt(p(1-p)/n): 0.015 for 95%, 0.030 for 77%, 0.033 for 33%, 0.030 for 66% of suspects.
     * The tolerance is three standard errors.
     */
    private static final double ARREST_TOLERANCE_DEFAULT = 0.046;

    private static final double PROSECUTION_TOLERANCE_DEFAULT = 0.089;
    private static final double HT_CHARGE_TOLERANCE_DEFAULT = 0.099;
    private static final double BLACK_SUSPECTS_TOLERANCE_DEFAULT = 0.089;
    /** Sex share of 226 cases: standard error 0.02, plus the sites' mix of focus; three standard errors. */
    private static final double SEX_SHARE_TOLERANCE_DEFAULT = 0.06;
    /** Labor share of 226 cases (target 5%): standard error 0.015; three standard errors. */
    private static final double LABOR_SHARE_TOLERANCE_DEFAULT = 0.045;
    /**
     * At 20,000 cases over 50 sites the binomial error is about 0.003 (0.005 for suspects' race
     * within sites), the calibration sample of 40,000 case skeletons adds about 0.002, and the
     * random sizes of the 40 providing sites shift the mix a little: 0.02 covers all of it.
     */
    private static final double SHARE_TOLERANCE_AT_SCALE = 0.02;
    /** Smallest spread of prosecution rates between the 8 providing sites of a 20,000-case study (site SD 0.35 on the log-odds plus fixed effects). */
    private static final double MIN_SITE_SPREAD_OF_PROSECUTION = 0.10;
    /** Smallest gain in trafficking-charge rate at sites with a specialized prosecutor (log-odds +0.9). */
    private static final double MIN_SPEC_PROSECUTOR_GAIN = 0.08;
    /** The demo study carries "a handful" of errors. */
    private static final int MIN_INJECTED = 6;

    private static final int MAX_INJECTED = 10;
    /** Share of cells of keyed variables written as -9 or -8: a few percent. */
    private static final double MIN_MISSING_SHARE = 0.01;

    private static final double MAX_MISSING_SHARE = 0.08;
    /** No variable is missing in more than 40% of its applicable cells (foster care, the worst, is about 35%). */
    private static final double MAX_MISSING_SHARE_OF_A_VARIABLE = 0.40;

    private static Path defaultDir;
    private static GeneratedStudy defaultStudy;
    private static Set<Finding> defaultViolations;
    private static Map<String, List<Map<String, Object>>> defaultData;

    @BeforeAll
    static void generateDefaultStudy(@TempDir Path dir) {
        defaultDir = dir.resolve("default");
        defaultStudy = StudyGenerator.defaults().generate(ECM, defaultDir, ProgressListener.none());
        defaultViolations = new LinkedHashSet<>();
        defaultData = StudyFiles.load(ECM, defaultDir, defaultViolations);
    }

    @Test
    void default_study_has_the_published_size_and_design() {
        assertThat(defaultStudy.rows())
                .containsExactly(
                        Map.entry("task_force", 10L),
                        Map.entry("case", 226L),
                        Map.entry("victim", 208L),
                        Map.entry("suspect", 257L),
                        Map.entry("offense", defaultStudy.rows("offense")),
                        // the interview forms: the case-file generator writes them with a header only
                        Map.entry("participant", 0L),
                        Map.entry("interview", 0L),
                        Map.entry("consent", 0L));
        List<Map<String, Object>> tfs = defaultData.get("task_force");
        assertThat(tfs).hasSize(10);
        List<Map<String, Object>> providing = tfs.stream()
                .filter(t -> Long.valueOf(1).equals(t.get("TF_CASE_FILES_PROVIDED")))
                .toList();
        assertThat(providing).hasSize(8);
        assertThat(providing)
                .filteredOn(t -> Long.valueOf(1).equals(t.get("TF_SAMPLE_DRAWN_BY")))
                .hasSize(5);
        assertThat(providing)
                .filteredOn(t -> Long.valueOf(2).equals(t.get("TF_SAMPLE_DRAWN_BY")))
                .hasSize(3);
        assertThat(providing)
                .filteredOn(t -> Long.valueOf(1).equals(t.get("TF_FILE_MODE")))
                .hasSize(2);
        assertThat(providing)
                .filteredOn(t -> Long.valueOf(2).equals(t.get("TF_FILE_MODE")))
                .hasSize(6);
        assertThat(tfs)
                .filteredOn(t -> Long.valueOf(1).equals(t.get("TF_MAY_ARREST_SURVIVORS")))
                .hasSize(5);
        Map<Object, Long> casesPerSite = defaultData.get("case").stream()
                .collect(Collectors.groupingBy(c -> c.get("TF_ID"), Collectors.counting()));
        for (Map<String, Object> tf : tfs) {
            long n = casesPerSite.getOrDefault(tf.get("TF_ID"), 0L);
            if (providing.contains(tf)) {
                assertThat(n)
                        .as("cases of %s", tf.get("TF_ID"))
                        .isBetween((long) CalibrationTargets.MIN_CASES_PER_SITE, (long)
                                CalibrationTargets.MAX_CASES_PER_SITE);
            } else {
                assertThat(n).as("cases of %s", tf.get("TF_ID")).isZero();
                assertThat(tf.get("TF_SAMPLE_DRAWN_BY")).isEqualTo(new Missing(-7));
                assertThat(tf.get("TF_FILE_MODE")).isEqualTo(new Missing(-7));
            }
        }
        assertThat(tfs.stream().map(t -> t.get("TF_SCOPE")).collect(Collectors.toSet()))
                .as("local and statewide task forces")
                .contains(1L, 4L);
        // every case-file variable is modelled; the interview forms are the interview corpus generator's
        // (study.qual.SyntheticInterviews), so the case-file generator writes them with a header only
        assertThat(defaultStudy.unmodelledVariables()).containsExactly("participant.*", "interview.*", "consent.*");
    }

    @Test
    void files_have_the_instrument_columns_in_order() {
        for (Form f : ECM.forms()) {
            assertThat(StudyFiles.header(defaultStudy.file(f.name())))
                    .as(f.name())
                    .containsExactlyElementsOf(
                            f.variables().stream().map(Variable::name).toList());
        }
        assertThat(StudyFiles.header(defaultStudy.caseList()))
                .containsExactly("TF_ID", "CASE_REF", "CLOSED_YEAR", "HT_TYPE");
    }

    @Test
    void every_record_passes_the_record_validator_except_the_injected_errors() {
        Set<Finding> expected = defaultStudy.injectedErrors().stream()
                .filter(e -> !e.isCrossForm())
                .map(Finding::of)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(defaultViolations).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(defaultStudy.injectedErrors()).hasSizeBetween(MIN_INJECTED, MAX_INJECTED);
        assertThat(defaultStudy.injectedErrors().stream().map(InjectedError::code))
                .contains(
                        "out_of_range",
                        "undocumented_code",
                        "skip_not_applicable",
                        "derived_mismatch",
                        "date_order_parent")
                .anyMatch(c -> c.startsWith("rule:"));
    }

    @Test
    void cross_form_rules_hold_except_the_injected_errors() {
        Set<Finding> expected = defaultStudy.injectedErrors().stream()
                .filter(InjectedError::isCrossForm)
                .map(Finding::of)
                .collect(Collectors.toSet());
        assertThat(StudyFiles.crossForm(ECM, defaultData)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void a_study_without_errors_passes_every_check(@TempDir Path dir) {
        GeneratedStudy study = StudyGenerator.defaults()
                .withCases(3_000)
                .withSites(12)
                .withSeed(7)
                .withErrors(false)
                .generate(ECM, dir, ProgressListener.none());
        Set<Finding> violations = new LinkedHashSet<>();
        Map<String, List<Map<String, Object>>> data = StudyFiles.load(ECM, dir, violations);
        assertThat(study.injectedErrors()).isEmpty();
        assertThat(violations).isEmpty();
        assertThat(StudyFiles.crossForm(ECM, data)).isEmpty();
        assertThat(data.get("case")).hasSize(3_000);
    }

    @Test
    void default_study_meets_the_calibration_targets() {
        Calibration c = Calibration.of(defaultData.get("case"), defaultData.get("suspect"));
        assertThat(c.arrest).isCloseTo(CalibrationTargets.SEX_CASES_WITH_ARREST, within(ARREST_TOLERANCE_DEFAULT));
        assertThat(c.prosecution)
                .isCloseTo(CalibrationTargets.SEX_CASES_PROSECUTED, within(PROSECUTION_TOLERANCE_DEFAULT));
        assertThat(c.htCharge)
                .isCloseTo(CalibrationTargets.SEX_CASES_WITH_HT_CHARGE, within(HT_CHARGE_TOLERANCE_DEFAULT));
        assertThat(c.sexShare).isCloseTo(CalibrationTargets.SEX_TRAFFICKING_SHARE, within(SEX_SHARE_TOLERANCE_DEFAULT));
        assertThat(c.laborShare)
                .isCloseTo(CalibrationTargets.LABOR_TRAFFICKING_SHARE, within(LABOR_SHARE_TOLERANCE_DEFAULT));
        assertThat(c.blackSuspects)
                .isCloseTo(CalibrationTargets.BLACK_SUSPECT_SHARE, within(BLACK_SUSPECTS_TOLERANCE_DEFAULT));
        System.out.println("default study calibration: " + c);
    }

    @Test
    void stings_are_the_most_common_source_and_many_have_no_actual_victim() {
        List<Map<String, Object>> cases = defaultData.get("case");
        Map<Object, Long> sources = cases.stream()
                .filter(c -> Long.valueOf(1).equals(c.get("HT_TYPE")))
                .collect(Collectors.groupingBy(c -> c.get("ID_SOURCE"), Collectors.counting()));
        Object mostCommon = sources.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertThat(mostCommon)
                .as("most common identification source of sex-trafficking cases")
                .isEqualTo(1L);
        List<Map<String, Object>> stings = cases.stream()
                .filter(c -> Long.valueOf(1).equals(c.get("ID_SOURCE")))
                .toList();
        assertThat(stings.stream()
                        .filter(c -> Long.valueOf(0).equals(c.get("ACTUAL_VICTIM")))
                        .count())
                .as("stings without an actual victim")
                .isGreaterThan(stings.size() / 2);
        assertThat(cases)
                .filteredOn(c -> Long.valueOf(0).equals(c.get("ACTUAL_VICTIM")))
                .allSatisfy(c -> assertThat(c.get("N_VICTIMS")).isEqualTo(0L));
        List<Map<String, Object>> victims = defaultData.get("victim");
        long arrested = victims.stream()
                .filter(v -> Long.valueOf(1).equals(v.get("V_ARRESTED")))
                .count();
        assertThat(arrested).as("a few victims arrested").isPositive().isLessThan(victims.size() / 10);
    }

    @Test
    void ids_nest_and_offenses_are_numbered_one_to_at_most_five() {
        for (Map<String, Object> c : defaultData.get("case")) {
            assertThat((String) c.get("CASE_ID")).startsWith(c.get("TF_ID") + "-C");
        }
        for (String form : List.of("victim", "suspect")) {
            for (Map<String, Object> r : defaultData.get(form)) {
                assertThat((String) r.get(form.equals("victim") ? "VICTIM_ID" : "SUSPECT_ID"))
                        .startsWith(r.get("CASE_ID") + "-");
            }
        }
        Map<Object, List<Long>> seqs = new TreeMap<>();
        for (Map<String, Object> o : defaultData.get("offense")) {
            seqs.computeIfAbsent(o.get("SUSPECT_ID"), k -> new ArrayList<>()).add((Long) o.get("OFFENSE_SEQ"));
        }
        assertThat(seqs).hasSize(257);
        for (List<Long> s : seqs.values()) {
            assertThat(s).hasSizeBetween(1, 5);
            for (int i = 0; i < s.size(); i++) assertThat(s.get(i)).isEqualTo(i + 1L);
        }
        assertThat(defaultData.get("task_force").get(0).get("TF_ID")).isEqualTo("TF01");
        assertThat(defaultData.get("case").get(0).get("CASE_ID")).isEqualTo("TF01-C0001");
    }

    @Test
    void dates_run_in_order_within_each_case() {
        Set<String> injected = defaultStudy.injectedErrors().stream()
                .map(InjectedError::recordId)
                .collect(Collectors.toSet());
        Map<Object, Map<String, Object>> cases = new HashMap<>();
        for (Map<String, Object> c : defaultData.get("case")) {
            cases.put(c.get("CASE_ID"), c);
            if (injected.contains(c.get("CASE_ID"))) continue;
            LocalDate incident = date(c.get("INCIDENT_DATE"));
            LocalDate open = date(c.get("CASE_OPEN_DATE"));
            LocalDate close = date(c.get("CASE_CLOSE_DATE"));
            if (incident != null && open != null) assertThat(incident).isBeforeOrEqualTo(open);
            if (open != null) assertThat(open).isBeforeOrEqualTo(close);
        }
        for (Map<String, Object> s : defaultData.get("suspect")) {
            Map<String, Object> c = cases.get(s.get("CASE_ID"));
            LocalDate arrest = date(s.get("S_ARREST_DATE"));
            if (arrest != null && !injected.contains(c.get("CASE_ID"))) {
                assertThat(arrest)
                        .isBetween(
                                date(c.get("CASE_OPEN_DATE")) == null ? arrest : date(c.get("CASE_OPEN_DATE")),
                                date(c.get("CASE_CLOSE_DATE")));
            }
        }
    }

    @Test
    void some_values_are_missing_but_only_a_few_percent() {
        long cells = 0;
        long missing = 0;
        Map<String, long[]> perVariable = new TreeMap<>();
        for (Form f : ECM.forms()) {
            for (Map<String, Object> r : defaultData.get(f.name())) {
                for (Variable v : f.variables()) {
                    Object value = r.get(v.name());
                    if (v.isDerived()
                            || v.parent() != null
                            || v.inherit() != null
                            || f.key().contains(v.name())) continue;
                    if (value instanceof Missing m && m.code() == -7) continue;
                    long[] counts = perVariable.computeIfAbsent(f.name() + "." + v.name(), k -> new long[2]);
                    counts[0]++;
                    cells++;
                    if (value instanceof Missing m && (m.code() == -9 || m.code() == -8)) {
                        counts[1]++;
                        missing++;
                    }
                }
            }
        }
        assertThat((double) missing / cells).isBetween(MIN_MISSING_SHARE, MAX_MISSING_SHARE);
        perVariable.forEach((name, c) ->
                assertThat((double) c[1] / c[0]).as(name).isLessThanOrEqualTo(MAX_MISSING_SHARE_OF_A_VARIABLE));
        assertThat(perVariable.get("victim.V_FOSTER_CARE")[1])
                .as("foster care is often not recorded")
                .isPositive();
    }

    @Test
    void names_and_narratives_say_synthetic_and_the_notice_gives_seed_and_parameters() throws IOException {
        assertThat(defaultData.get("task_force"))
                .allSatisfy(t -> assertThat((String) t.get("TF_NAME")).startsWith("Synthetic Task Force "));
        List<Object> narratives = defaultData.get("case").stream()
                .map(c -> c.get("NARRATIVE"))
                .filter(n -> n != null)
                .toList();
        assertThat(narratives)
                .isNotEmpty()
                .allSatisfy(n -> assertThat((String) n).startsWith("SYNTHETIC narrative"));
        assertThat(defaultData.get("case"))
                .anySatisfy(c -> assertThat(c.get("NARRATIVE")).isNull());
        String notice = Files.readString(defaultStudy.notice(), StandardCharsets.UTF_8);
        assertThat(notice)
                .startsWith("SYNTHETIC DATA")
                .contains("Seed: 20240601")
                .contains("cases=226 sites=10 errors=true");
        for (InjectedError e : defaultStudy.injectedErrors()) assertThat(notice).contains(e.recordId());
    }

    @Test
    void every_coded_case_carries_the_reference_of_its_own_row_on_its_sites_case_list() {
        Map<String, String> rowOf = new HashMap<>();
        StudyFiles.rows(
                defaultStudy.caseList(),
                r -> rowOf.put(
                        r.get("CASE_REF"), r.get("TF_ID") + "/" + r.get("CLOSED_YEAR") + "/" + r.get("HT_TYPE")));
        Set<String> injected = defaultStudy.injectedErrors().stream()
                .map(InjectedError::recordId)
                .collect(Collectors.toSet());
        Set<Object> seen = new HashSet<>();
        for (Map<String, Object> c : defaultData.get("case")) {
            Object ref = c.get("CASE_REF");
            assertThat(rowOf).as("case %s is on the list", c.get("CASE_ID")).containsKey((String) ref);
            assertThat(seen.add(ref)).as("one coded case per list row").isTrue();
            assertThat(rowOf.get(ref)).startsWith(c.get("TF_ID") + "/");
            if (injected.contains(c.get("CASE_ID"))) continue;
            assertThat(rowOf.get(ref))
                    .isEqualTo(c.get("TF_ID") + "/" + ((LocalDate) c.get("CASE_CLOSE_DATE")).getYear() + "/"
                            + c.get("HT_TYPE"));
        }
        assertThat(seen).hasSize(defaultData.get("case").size());
    }

    @Test
    void sampled_cases_are_a_subset_of_each_sites_list_of_closed_cases() {
        Map<String, Long> frame = new HashMap<>();
        Map<String, Long> frameCells = new HashMap<>();
        Set<String> refs = new HashSet<>();
        StudyFiles.rows(defaultStudy.caseList(), r -> {
            frame.merge(r.get("TF_ID"), 1L, Long::sum);
            frameCells.merge(r.get("TF_ID") + "/" + r.get("CLOSED_YEAR") + "/" + r.get("HT_TYPE"), 1L, Long::sum);
            assertThat(refs.add(r.get("CASE_REF"))).as("unique reference").isTrue();
        });
        assertThat((long) refs.size()).isEqualTo(defaultStudy.caseListRows());
        Set<String> injected = defaultStudy.injectedErrors().stream()
                .map(InjectedError::recordId)
                .collect(Collectors.toSet());
        Map<String, Long> sample = new HashMap<>();
        Map<String, Long> sampleCells = new HashMap<>();
        for (Map<String, Object> c : defaultData.get("case")) {
            sample.merge((String) c.get("TF_ID"), 1L, Long::sum);
            if (injected.contains(c.get("CASE_ID"))) continue;
            sampleCells.merge(
                    c.get("TF_ID") + "/" + ((LocalDate) c.get("CASE_CLOSE_DATE")).getYear() + "/" + c.get("HT_TYPE"),
                    1L,
                    Long::sum);
        }
        assertThat(frame.keySet()).isEqualTo(sample.keySet());
        sample.forEach((tf, n) -> assertThat((double) frame.get(tf) / n)
                .as("list over sample at %s", tf)
                .isBetween(CalibrationTargets.MIN_FRAME_RATIO - 0.5, CalibrationTargets.MAX_FRAME_RATIO + 0.5));
        sampleCells.forEach((cell, n) -> assertThat(frameCells.getOrDefault(cell, 0L))
                .as("closed cases listed for %s", cell)
                .isGreaterThanOrEqualTo(n));
    }

    @Test
    void the_same_seed_gives_identical_files_and_another_seed_different_ones(@TempDir Path dir) throws IOException {
        Path again = dir.resolve("again");
        Path other = dir.resolve("other");
        StudyGenerator.defaults().generate(ECM, again, ProgressListener.none());
        StudyGenerator.defaults()
                .withSeed(StudyGenerator.DEFAULT_SEED + 1)
                .generate(ECM, other, ProgressListener.none());
        List<String> names;
        try (var files = Files.list(defaultDir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names)
                .containsExactly(
                        "SYNTHETIC.txt",
                        "case.csv",
                        "case_list.csv",
                        "consent.csv",
                        "interview.csv",
                        "offense.csv",
                        "participant.csv",
                        "suspect.csv",
                        "task_force.csv",
                        "victim.csv");
        for (String name : names) {
            assertThat(Files.readAllBytes(again.resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(defaultDir.resolve(name)));
        }
        for (String name : List.of("case.csv", "victim.csv", "suspect.csv", "case_list.csv")) {
            assertThat(Files.readAllBytes(other.resolve(name)))
                    .as(name)
                    .isNotEqualTo(Files.readAllBytes(defaultDir.resolve(name)));
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "5, 10", "37, 3", "400, 60"})
    void small_and_odd_configurations_are_valid_too(int cases, int sites, @TempDir Path dir) {
        GeneratedStudy study = StudyGenerator.defaults()
                .withCases(cases)
                .withSites(sites)
                .withErrors(false)
                .generate(ECM, dir, ProgressListener.none());
        Set<Finding> violations = new LinkedHashSet<>();
        Map<String, List<Map<String, Object>>> data = StudyFiles.load(ECM, dir, violations);
        assertThat(violations).isEmpty();
        assertThat(StudyFiles.crossForm(ECM, data)).isEmpty();
        assertThat(study.rows("case")).isEqualTo(cases);
        assertThat(study.rows("task_force")).isEqualTo(sites);
        long providing = data.get("task_force").stream()
                .filter(t -> Long.valueOf(1).equals(t.get("TF_CASE_FILES_PROVIDED")))
                .count();
        assertThat(providing).isEqualTo(cases == 0 ? 0 : Math.min(cases, Math.max(1, Math.round(sites * 0.8))));
    }

    @Test
    void other_sizes_scale_victims_and_suspects_in_proportion(@TempDir Path dir) {
        GeneratedStudy study = StudyGenerator.defaults()
                .withCases(2_260)
                .withSites(20)
                .withErrors(false)
                .generate(ECM, dir, ProgressListener.none());
        assertThat(study.rows("case")).isEqualTo(2_260);
        assertThat(study.rows("victim")).isEqualTo(2_080);
        assertThat(study.rows("suspect")).isEqualTo(2_570);
        assertThat(study.rows("task_force")).isEqualTo(20);
    }

    @Test
    void calibration_targets_hold_at_scale_and_sites_differ(@TempDir Path dir) {
        StudyGenerator.defaults()
                .withCases(20_000)
                .withSites(50)
                .withSeed(99)
                .withErrors(false)
                .generate(ECM, dir, ProgressListener.none());
        Map<String, long[]> bySite = new TreeMap<>();
        long[] totals = new long[6];
        StudyFiles.rows(dir.resolve("case.csv"), c -> {
            totals[0]++;
            if (c.get("HT_TYPE").equals("2")) totals[5]++;
            if (!c.get("HT_TYPE").equals("1")) return;
            totals[1]++;
            totals[2] += Long.parseLong(c.get("ANY_ARREST"));
            totals[3] += Long.parseLong(c.get("ANY_PROSECUTION"));
            totals[4] += Long.parseLong(c.get("ANY_HT_CHARGE"));
            long[] s = bySite.computeIfAbsent(c.get("TF_ID"), k -> new long[3]);
            s[0]++;
            s[1] += Long.parseLong(c.get("ANY_PROSECUTION"));
            s[2] += Long.parseLong(c.get("ANY_HT_CHARGE"));
        });
        long[] race = new long[2];
        StudyFiles.rows(dir.resolve("suspect.csv"), s -> {
            if (s.get("S_RACE").startsWith("-")) return;
            race[0]++;
            if (s.get("S_RACE").equals("2")) race[1]++;
        });
        double sex = totals[1];
        assertThat(totals[2] / sex)
                .isCloseTo(CalibrationTargets.SEX_CASES_WITH_ARREST, within(SHARE_TOLERANCE_AT_SCALE));
        assertThat(totals[3] / sex)
                .isCloseTo(CalibrationTargets.SEX_CASES_PROSECUTED, within(SHARE_TOLERANCE_AT_SCALE));
        assertThat(totals[4] / sex)
                .isCloseTo(CalibrationTargets.SEX_CASES_WITH_HT_CHARGE, within(SHARE_TOLERANCE_AT_SCALE));
        assertThat(sex / totals[0])
                .isCloseTo(CalibrationTargets.SEX_TRAFFICKING_SHARE, within(2 * SHARE_TOLERANCE_AT_SCALE));
        assertThat((double) totals[5] / totals[0])
                .isCloseTo(CalibrationTargets.LABOR_TRAFFICKING_SHARE, within(SHARE_TOLERANCE_AT_SCALE));
        assertThat((double) race[1] / race[0])
                .isCloseTo(CalibrationTargets.BLACK_SUSPECT_SHARE, within(SHARE_TOLERANCE_AT_SCALE));

        Map<String, Boolean> specProsecutor = new HashMap<>();
        StudyFiles.rows(
                dir.resolve("task_force.csv"),
                t -> specProsecutor.put(
                        t.get("TF_ID"), t.get("TF_SPEC_PROSECUTOR").equals("1")));
        double min = 1;
        double max = 0;
        long[] ht = new long[4];
        for (Map.Entry<String, long[]> e : bySite.entrySet()) {
            long[] s = e.getValue();
            double rate = (double) s[1] / s[0];
            min = Math.min(min, rate);
            max = Math.max(max, rate);
            int k = specProsecutor.get(e.getKey()) ? 0 : 2;
            ht[k] += s[2];
            ht[k + 1] += s[0];
        }
        assertThat(max - min)
                .as("spread of prosecution rates between sites")
                .isGreaterThan(MIN_SITE_SPREAD_OF_PROSECUTION);
        assertThat((double) ht[0] / ht[1] - (double) ht[2] / ht[3])
                .as("trafficking charges gained with a specialized prosecutor")
                .isGreaterThan(MIN_SPEC_PROSECUTOR_GAIN);
        System.out.printf(
                "20,000 cases / 50 sites: arrest %.3f, prosecution %.3f, trafficking charge %.3f, sex %.3f, labor %.3f, Black suspects %.3f, "
                        + "prosecution by site %.3f-%.3f%n",
                totals[2] / sex,
                totals[3] / sex,
                totals[4] / sex,
                sex / totals[0],
                (double) totals[5] / totals[0],
                (double) race[1] / race[0],
                min,
                max);
    }

    @Test
    void progress_reaches_the_totals() {
        Map<String, long[]> last = new HashMap<>();
        StudyGenerator.defaults()
                .withErrors(false)
                .generate(
                        ECM,
                        defaultDir.resolveSibling("progress"),
                        (form, done, total) -> last.put(form, new long[] {done, total}));
        assertThat(last.get("case")).containsExactly(226, 226);
        assertThat(last.get("victim")).containsExactly(208, 208);
        assertThat(last.get("suspect")).containsExactly(257, 257);
        assertThat(last.get("task_force")).containsExactly(10, 10);
        assertThat(last.get("offense")[1]).isEqualTo(-1);
        assertThat(last.get("case_list")[0]).isEqualTo(last.get("case_list")[1]);
    }

    @Test
    void rejects_impossible_configurations() {
        assertThatThrownBy(() -> StudyGenerator.defaults().withCases(-1))
                .hasMessageContaining("cases must be >= 0, got -1");
        assertThatThrownBy(() -> StudyGenerator.defaults().withSites(0))
                .hasMessageContaining("sites must be 1..9999, got 0");
        assertThatThrownBy(() -> StudyGenerator.defaults()
                        .withCases(20_000_000)
                        .withSites(1)
                        .generate(ECM, defaultDir.resolveSibling("x"), ProgressListener.none()))
                .hasMessageContaining("at most 9999999 fit a case ID");
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : null;
    }

    /** Shares among sex-trafficking cases and suspects, computed from the files. */
    private record Calibration(
            double arrest,
            double prosecution,
            double htCharge,
            double sexShare,
            double laborShare,
            double blackSuspects) {
        static Calibration of(List<Map<String, Object>> cases, List<Map<String, Object>> suspects) {
            List<Map<String, Object>> sex = cases.stream()
                    .filter(c -> Long.valueOf(1).equals(c.get("HT_TYPE")))
                    .toList();
            List<Map<String, Object>> known = suspects.stream()
                    .filter(s -> s.get("S_RACE") instanceof Long)
                    .toList();
            return new Calibration(
                    share(sex, "ANY_ARREST", 1),
                    share(sex, "ANY_PROSECUTION", 1),
                    share(sex, "ANY_HT_CHARGE", 1),
                    share(cases, "HT_TYPE", 1),
                    share(cases, "HT_TYPE", 2),
                    share(known, "S_RACE", 2));
        }

        private static double share(List<Map<String, Object>> rows, String variable, long code) {
            return (double) rows.stream()
                            .filter(r -> Long.valueOf(code).equals(r.get(variable)))
                            .count()
                    / rows.size();
        }
    }
}
