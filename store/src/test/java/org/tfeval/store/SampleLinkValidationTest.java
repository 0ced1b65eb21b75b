package org.tfeval.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.SampleSize;
import org.tfeval.store.sample.Sampler;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class SampleLinkValidationTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");
    private final Fixtures fx = new Fixtures(ecm);
    private Store store;

    @TempDir
    Path dir;

    @BeforeEach
    void open(ConnectionSettings db) {
        store = Store.open(db, Store.DEFAULT_SCHEMA, ecm);
    }

    private Map<String, String> coded(String id, String ref) {
        return fx.record("case", Map.of("CASE_ID", id, "TF_ID", "TFA", "CASE_REF", ref));
    }

    @Test
    void validationNamesCasesOutsideTheDrawCasesCodedTwiceAndSampledCasesNotCodedYet() throws IOException {
        Path tf = Fixtures.csv(
                dir,
                "tf.csv",
                List.of(fx.record("task_force", Map.of("TF_ID", "TFA", "TF_NAME", "Synthetic", "TF_STATE", "TX"))));
        assertThat(Importer.of(store).importFile("task_force", tf).stored()).isTrue();
        Path frame = dir.resolve("case_list.csv");
        Files.write(frame, List.of("TF_ID,CASE_REF", "TFA,R1", "TFA,R2", "TFA,R3", "TFA,R4", "TFA,R5"));
        SampleDraw draw = Sampler.record(
                store, Sampler.of(SampleSize.parse("3"), 7).withReplacements(1).draw(frame), "tester", "test");
        List<String> sampled = draw.cases().stream()
                .filter(c -> !c.replacement())
                .map(SampleDraw.Drawn::caseRef)
                .toList();
        String replacement = draw.cases().stream()
                .filter(SampleDraw.Drawn::replacement)
                .findFirst()
                .orElseThrow()
                .caseRef();
        String notDrawn = List.of("R1", "R2", "R3", "R4", "R5").stream()
                .filter(r -> !sampled.contains(r) && !r.equals(replacement))
                .findFirst()
                .orElseThrow();
        Path cases = Fixtures.csv(
                dir,
                "case.csv",
                List.of(
                        coded("TFA-C1", sampled.get(0)),
                        coded("TFA-C2", notDrawn),
                        coded("TFA-C3", sampled.get(0)),
                        coded("TFA-C4", ""),
                        coded("TFA-C5", replacement)));
        assertThat(Importer.of(store).importFile("case", cases).stored()).isTrue();

        ValidationReport report = StudyValidator.of(store).validate();

        assertThat(found(report, "case_not_in_draw"))
                .extracting(Violation::recordId, Violation::variable, Violation::file, Violation::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TFA-C2", "CASE_REF", "case", Severity.WARNING));
        assertThat(found(report, "draw_entry_coded_twice"))
                .extracting(Violation::recordId, Violation::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TFA-C3", Severity.ERROR));
        assertThat(found(report, "draw_entry_coded_twice").get(0).message()).contains("TFA-C1");
        assertThat(found(report, "case_ref_missing"))
                .extracting(Violation::recordId)
                .containsExactly("TFA-C4");
        // 3 sampled, 1 of them (sampled[0]) coded; the coded replacement does not count towards the sample
        assertThat(found(report, "drawn_not_coded")).singleElement().satisfies(v -> {
            assertThat(v.recordId()).isEqualTo("TFA");
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.message()).contains("2 of the 3 cases sampled");
        });
        // the case-list references are identifiers: no finding quotes one
        report.violations().forEach(v -> {
            for (String r : List.of("R1", "R2", "R3", "R4", "R5")) {
                assertThat(v.message()).doesNotContain("'" + r + "'");
                assertThat(v.value()).isNotEqualTo(r);
            }
        });
    }

    @Test
    void aStudyWithoutADrawGetsNoSampleFindings() {
        Path tf = Fixtures.csv(
                dir,
                "tf.csv",
                List.of(fx.record("task_force", Map.of("TF_ID", "TFA", "TF_NAME", "Synthetic", "TF_STATE", "TX"))));
        assertThat(Importer.of(store).importFile("task_force", tf).stored()).isTrue();
        Path cases = Fixtures.csv(dir, "case.csv", List.of(coded("TFA-C1", "R1"), coded("TFA-C2", "")));
        assertThat(Importer.of(store).importFile("case", cases).stored()).isTrue();

        ValidationReport report = StudyValidator.of(store).validate();

        assertThat(report.countsByCode())
                .doesNotContainKeys(
                        "case_not_in_draw", "draw_entry_coded_twice", "case_ref_missing", "drawn_not_coded");
    }

    @Test
    void frameSizesComeFromTheCaseListOfTheRecordedDrawAndNoOtherList() throws IOException {
        Path frame = dir.resolve("case_list.csv");
        Files.write(frame, List.of("TF_ID,CASE_REF", "TFA,R1", "TFB,R2", "TFA,R3", "TFB,R4", "TFA,R5"));
        SampleDraw draw =
                Sampler.record(store, Sampler.of(SampleSize.parse("1"), 7).draw(frame), "tester", "test");

        assertThat(Sampler.frameSizes(store, draw.id(), frame))
                .containsExactly(Map.entry("TFA", 3L), Map.entry("TFB", 2L));

        Path other = dir.resolve("other.csv");
        Files.write(other, List.of("TF_ID,CASE_REF", "TFA,R1", "TFB,R2", "TFA,R3", "TFB,R4", "TFA,R5", "TFA,R6"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sampler.frameSizes(store, draw.id(), other))
                .isInstanceOf(org.tfeval.instrument.workflow.Problem.Refused.class)
                .hasMessageContaining("not the one sample draw");
    }

    @Test
    void aDrawRecordsItsFrameSizesAndTheSnapshotCountsTheDrawnEntriesCodedWithoutTheCaseList() throws IOException {
        Path tf = Fixtures.csv(
                dir,
                "tf.csv",
                List.of(fx.record("task_force", Map.of("TF_ID", "TFA", "TF_NAME", "Synthetic", "TF_STATE", "TX"))));
        assertThat(Importer.of(store).importFile("task_force", tf).stored()).isTrue();
        Path frame = dir.resolve("case_list.csv");
        Files.write(frame, List.of("TF_ID,CASE_REF", "TFA,R1", "TFA,R2", "TFA,R3", "TFA,R4", "TFA,R5", "TFA,R6"));
        SampleDraw draw = Sampler.record(
                store, Sampler.of(SampleSize.parse("3"), 7).withReplacements(2).draw(frame), "tester", "test");
        assertThat(Sampler.load(store, draw.id()).frameSizes()).containsExactly(Map.entry("TFA", 6L));
        List<String> sampled = draw.cases().stream()
                .filter(c -> !c.replacement())
                .map(SampleDraw.Drawn::caseRef)
                .toList();
        String replacement = draw.cases().stream()
                .filter(SampleDraw.Drawn::replacement)
                .findFirst()
                .orElseThrow()
                .caseRef();
        // sampled[2] turned out unusable: the first replacement is coded in its place
        Path cases = Fixtures.csv(
                dir,
                "case.csv",
                List.of(
                        coded("TFA-C1", sampled.get(0)),
                        coded("TFA-C2", sampled.get(1)),
                        coded("TFA-C3", replacement)));
        assertThat(Importer.of(store).importFile("case", cases).stored()).isTrue();
        Files.delete(frame); // the snapshot needs no case list

        org.tfeval.snapshot.Snapshot sn = org.tfeval.store.snapshot.SnapshotTaker.of(store)
                .withAllowErrors(true)
                .take(dir.resolve("snapshots"), StudyValidator.of(store).validate());

        org.tfeval.snapshot.DrawDesign.Site site = sn.drawDesign().site("TFA").orElseThrow();
        assertThat(site.frameSize()).isEqualTo(6);
        assertThat(site.sampleSize()).isEqualTo(3);
        assertThat(site.replacementsDrawn()).isEqualTo(2);
        assertThat(site.sampleCoded()).isEqualTo(2);
        assertThat(site.replacementsUsed()).isEqualTo(1);
        assertThat(site.recordedBy()).isEqualTo("tester");
        // the replacement counts as the file it replaced: 3 drawn entries coded, weight 6 / 3
        assertThat(site.weight()).isEqualTo(2.0);
        assertThat(sn.verify()).isEmpty();
        assertThat(sn.manifest().files())
                .extracting(org.tfeval.snapshot.Manifest.FileHash::file)
                .contains(org.tfeval.snapshot.DrawDesign.FILE);
    }

    private static List<Violation> found(ValidationReport report, String code) {
        return report.violations().stream().filter(v -> code.equals(v.code())).toList();
    }
}
