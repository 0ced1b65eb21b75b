package org.tfeval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.SampleSize;
import org.tfeval.store.sample.Sampler;
import org.tfeval.store.validate.ReportWriter;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class ValidateSampleEditTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");
    private final Fixtures fx = new Fixtures(ecm);
    private Store store;

    @TempDir
    Path dir;

    @BeforeEach
    void open(ConnectionSettings db) {
        store = Store.open(db, Store.DEFAULT_SCHEMA, ecm);
    }

    /** One task force, one case with two suspects (one arrested) and one victim; derived flags as given. */
    private void load(String anyArrest) {
        Path tf = Fixtures.csv(
                dir,
                "tf.csv",
                List.of(fx.record("task_force", Map.of("TF_ID", "TFA", "TF_NAME", "Synthetic", "TF_STATE", "TX"))));
        assertThat(Importer.of(store).importFile("task_force", tf).stored()).isTrue();
        Path cases = Fixtures.csv(
                dir,
                "case.csv",
                List.of(fx.record(
                        "case",
                        Map.of(
                                "CASE_ID",
                                "TFA-C1",
                                "TF_ID",
                                "TFA",
                                "N_SUSPECTS",
                                "2",
                                "ANY_ARREST",
                                anyArrest,
                                "CASE_OPEN_DATE",
                                "2018-01-01",
                                "CASE_CLOSE_DATE",
                                "2019-01-01",
                                "INCIDENT_DATE",
                                "2017-12-01"))));
        assertThat(Importer.of(store).importFile("case", cases).violations()).isEmpty();
        List<Map<String, String>> suspects = new ArrayList<>();
        suspects.add(fx.record(
                "suspect",
                Map.of(
                        "SUSPECT_ID",
                        "TFA-C1-S1",
                        "CASE_ID",
                        "TFA-C1",
                        "TF_ID",
                        "TFA",
                        "S_ARRESTED",
                        "1",
                        "S_PROSECUTED",
                        "0")));
        suspects.add(fx.record(
                "suspect",
                Map.of(
                        "SUSPECT_ID",
                        "TFA-C1-S2",
                        "CASE_ID",
                        "TFA-C1",
                        "TF_ID",
                        "TFA",
                        "S_ARRESTED",
                        "0",
                        "S_PROSECUTED",
                        "0",
                        "S_AGE",
                        "41")));
        assertThat(Importer.of(store)
                        .importFile("suspect", Fixtures.csv(dir, "suspect.csv", suspects))
                        .violations())
                .isEmpty();
        Path offenses = Fixtures.csv(
                dir,
                "offense.csv",
                List.of(fx.record(
                        "offense",
                        Map.of("SUSPECT_ID", "TFA-C1-S1", "OFFENSE_SEQ", "1", "OFFENSE_DATE", "2018-05-01"))));
        assertThat(Importer.of(store).importFile("offense", offenses).violations())
                .isEmpty();
    }

    @Test
    void clean_study_passes_and_reports_missingness() {
        load("1");
        ValidationReport r = StudyValidator.of(store).validate();
        assertThat(r.violations()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.records()).containsEntry("suspect", 2L).containsEntry("victim", 0L);
        assertThat(r.missingness()).anySatisfy(m -> {
            assertThat(m.variable()).isEqualTo("S_ARREST_DATE");
            assertThat(m.byCode()).containsEntry(-7, 1L);
        });
        Path html = dir.resolve("v.html");
        ReportWriter.writeHtml(r, html);
        assertThat(html).content().contains("No errors").contains("S_ARREST_DATE");
    }

    @Test
    void derived_flag_that_disagrees_with_the_suspects_is_an_error() {
        load("0");
        ValidationReport r = StudyValidator.of(store).validate();
        assertThat(r.passed()).isFalse();
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("derived_mismatch");
            assertThat(v.recordId()).isEqualTo("TFA-C1");
            assertThat(v.variable()).isEqualTo("ANY_ARREST");
        });
    }

    @Test
    void audited_edit_that_breaks_a_rule_is_found_by_validation_and_parent_date_order_is_checked() {
        load("1");
        RecordEditor editor = new RecordEditor(store, "coder1");
        // offense after the arrest date: a cross-form rule only the whole-study check sees
        Map<String, Object> suspect = editor.get("suspect", List.of("TFA-C1-S1"));
        String arrest = suspect.get("S_ARREST_DATE").toString();
        List<Violation> now = editor.set(
                "offense", List.of("TFA-C1-S1", "1"), Map.of("OFFENSE_DATE", "2019-12-31"), "re-read the file");
        assertThat(now).isEmpty();
        assertThat(arrest).isLessThan("2019-12-31");
        List<Violation> skip =
                editor.set("suspect", List.of("TFA-C1-S2"), Map.of("S_ARREST_DATE", "2018-02-01"), "typo");
        assertThat(skip).extracting(Violation::code).containsExactly("skip_not_applicable");
        ValidationReport r = StudyValidator.of(store).validate();
        assertThat(r.violations())
                .extracting(Violation::code)
                .containsExactlyInAnyOrder("rule:offense_before_arrest", "skip_not_applicable");
        assertThatThrownBy(() -> editor.set("suspect", List.of("TFA-C1-S2"), Map.of("S_AGE", "old"), "x"))
                .hasMessageContaining("not a valid integer");
        assertThatThrownBy(() -> editor.set("suspect", List.of("NOPE"), Map.of("S_AGE", "30"), "x"))
                .hasMessageContaining("no suspect record");
        assertThatThrownBy(() -> editor.delete("case", List.of("TFA-C1"), "x")).hasMessageContaining("linked records");
    }

    private Path frame(List<String> lines) throws Exception {
        Path p = dir.resolve("frame-" + lines.size() + "-" + lines.hashCode() + ".csv");
        List<String> all = new ArrayList<>();
        all.add("TF_ID,CASE_REF,CLOSED_YEAR");
        all.addAll(lines);
        Files.write(p, all);
        return p;
    }

    private List<String> frameLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) lines.add("TFA,A-" + i + ",2017");
        for (int i = 0; i < 45; i++) lines.add("TFB,B-" + i + ",2018");
        for (int i = 0; i < 12; i++) lines.add("TFC,C-" + i + ",2019");
        return lines;
    }

    @Test
    void same_frame_and_seed_give_the_same_sample_whatever_the_row_order() throws Exception {
        List<String> lines = frameLines();
        SampleDraw a =
                Sampler.of(SampleSize.parse("20-40"), 4711).withReplacements(3).draw(frame(lines));
        List<String> shuffled = new ArrayList<>(lines);
        Collections.reverse(shuffled);
        SampleDraw b =
                Sampler.of(SampleSize.parse("20-40"), 4711).withReplacements(3).draw(frame(shuffled));
        assertThat(b.cases()).isEqualTo(a.cases());
        SampleDraw c =
                Sampler.of(SampleSize.parse("20-40"), 4712).withReplacements(3).draw(frame(lines));
        assertThat(c.cases()).isNotEqualTo(a.cases());
        // sizes: largest frame gets 40, smallest gets min(20, 12) = 12, middle interpolated
        assertThat(a.cases().stream()
                        .filter(x -> x.tfId().equals("TFA") && !x.replacement())
                        .count())
                .isEqualTo(40);
        assertThat(a.cases().stream()
                        .filter(x -> x.tfId().equals("TFC") && !x.replacement())
                        .count())
                .isEqualTo(12);
        long b45 = a.cases().stream()
                .filter(x -> x.tfId().equals("TFB") && !x.replacement())
                .count();
        assertThat(b45).isEqualTo(Math.round(20 + 20.0 * (45 - 12) / (120 - 12)));
        assertThat(a.cases().stream()
                        .filter(x -> x.tfId().equals("TFA") && x.replacement())
                        .count())
                .isEqualTo(3);
        // without replacement: no case twice
        assertThat(a.cases().stream()
                        .map(x -> x.tfId() + x.caseRef())
                        .distinct()
                        .count())
                .isEqualTo(a.cases().size());
    }

    @Test
    void recorded_draw_verifies_and_a_changed_frame_does_not() throws Exception {
        Path f = frame(frameLines());
        SampleDraw d =
                Sampler.record(store, Sampler.of(SampleSize.parse("30"), 99).draw(f), "tester", "test");
        assertThat(d.id()).isPositive();
        assertThat(Sampler.verify(store, d.id(), f)).isEmpty();
        List<String> changed = new ArrayList<>(frameLines());
        changed.remove(5);
        assertThat(Sampler.verify(store, d.id(), frame(changed)))
                .anySatisfy(p -> assertThat(p).contains("differs"));
    }

    @Test
    void sampling_is_uniform_over_many_seeds() throws Exception {
        // each of 12 cases drawn 6 at a time should be chosen with probability 1/2
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) lines.add("TFA,A-" + i + ",2017");
        Path f = frame(lines);
        int[] hits = new int[12];
        int draws = 2000;
        for (int s = 0; s < draws; s++) {
            for (SampleDraw.Drawn d :
                    Sampler.of(new SampleSize.Fixed(6), s).draw(f).cases())
                hits[Integer.parseInt(d.caseRef().substring(2))]++;
        }
        // binomial sd = sqrt(2000 * 0.25) ~ 22.4; 5 sd tolerance keeps the test stable yet catches bias
        for (int h : hits) assertThat(h).isBetween(1000 - 112, 1000 + 112);
    }

    @Test
    void frame_problems_are_all_reported() throws Exception {
        Path f = frame(List.of("TFA,A-1,2017", "TFA,A-1,2017", ",A-2,2017"));
        assertThatThrownBy(() -> Sampler.of(SampleSize.parse("5"), 1).draw(f))
                .isInstanceOf(Sampler.FrameException.class)
                .satisfies(e -> assertThat(((Sampler.FrameException) e).violations())
                        .extracting(Violation::code)
                        .contains("duplicate_id", "blank"));
        assertThatThrownBy(() -> SampleSize.parse("lots")).hasMessageContaining("--per-site");
    }
}
