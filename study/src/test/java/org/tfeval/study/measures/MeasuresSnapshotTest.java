package org.tfeval.study.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.measures.frozen.FrozenMeasures;
import org.tfeval.measures.reconcile.ReconciliationRow;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.snapshot.MeasureDataset;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.store.snapshot.SnapshotTaker;
import org.tfeval.study.Study;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/** Snapshots freeze the performance measures: reported values, computed counts and the reconciliation. */
@ExtendWith(PostgresExtension.class)
class MeasuresSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void a_snapshot_freezes_reported_computed_and_reconciled_measures_and_the_same_data_keep_one_id(
            ConnectionSettings db) throws Exception {
        try (Study s = Study.create(dir.resolve("s"), "ecm", true, MeasuresTest.url(db))) {
            Path files = dir.resolve("files");
            StudyGenerator.defaults()
                    .withCases(40)
                    .withSites(4)
                    .withSeed(11)
                    .withErrors(false)
                    .generate(s.instrument(), files, (f, d, t) -> {});
            assertThat(s.importForms(files, "test", "synthetic", ProgressListener.NONE, r -> {}))
                    .isTrue();
            Study.Freeze freeze = new Study.Freeze("test", false, "test");

            // a study without measures: no measures in the snapshot, and the ID a taker without them gives
            Snapshot plain = s.freeze(freeze, ProgressListener.NONE).snapshot();
            assertThat(plain.measures()).isEmpty();
            assertThat(FrozenMeasures.read(plain)).isEmpty();
            assertThat(Files.readString(plain.dir().resolve(Snapshot.MANIFEST))).doesNotContain("\"measures\"");
            Snapshot without = SnapshotTaker.of(s.store())
                    .withSynthetic(true)
                    .withActor("other")
                    .take(
                            dir.resolve("other-snapshots"),
                            s.validate(null, ProgressListener.NONE).report());
            assertThat(without.id()).isEqualTo(plain.id());

            SyntheticPerformanceMeasures.withSeed(5).run(s, dir.resolve("measures"), "test");
            Measures m = Measures.of(s);
            Snapshot withMeasures = s.freeze(freeze, ProgressListener.NONE).snapshot();
            assertThat(withMeasures.id()).isNotEqualTo(plain.id());
            assertThat(withMeasures.verify()).isEmpty();
            assertThat(withMeasures.manifest().idRule()).isEqualTo(org.tfeval.snapshot.Manifest.ID_RULE_WITH_MEASURES);
            assertThat(withMeasures.manifest().files())
                    .extracting(f -> f.file())
                    .contains(MeasureDataset.CATALOGUE_FILE, MeasureDataset.REPORTED.file());

            FrozenMeasures frozen = FrozenMeasures.read(withMeasures).orElseThrow();
            assertThat(frozen.values()).containsExactlyInAnyOrderElementsOf(m.values());
            assertThat(frozen.reported()).allMatch(r -> r.catalogueVersion().equals("1.1.0"));
            assertThat(frozen.catalogue().version()).isEqualTo(m.catalogue().version());
            assertThat(frozen.comparisons()).containsExactlyInAnyOrderElementsOf(m.compare(null));
            assertThat(frozen.reconciliation()).containsExactlyInAnyOrderElementsOf(m.reconcile());
            assertThat(frozen.reconciliation()).anyMatch(ReconciliationRow::flagged);
            // the drill-down: as many records behind each measure as the computed counts add up to
            frozen.caseRecords()
                    .forEach((measure, records) -> assertThat((long) records.size())
                            .isEqualTo(frozen.comparisons().stream()
                                    .filter(c -> c.measureId().equals(measure))
                                    .mapToLong(c -> c.computed())
                                    .sum()));
            assertThat(withMeasures.manifest().measuresFrozen().orElseThrow().dataset(MeasureDataset.REPORTED))
                    .hasValueSatisfying(
                            d -> assertThat(d.rows()).isEqualTo(m.values().size()));

            // the same data again: the same ID
            assertThat(s.freeze(freeze, ProgressListener.NONE).snapshot().id()).isEqualTo(withMeasures.id());

            // a recorded explanation is frozen too, and makes another snapshot
            ReconciliationRow gap = frozen.reconciliation().stream()
                    .filter(ReconciliationRow::flagged)
                    .findFirst()
                    .orElseThrow();
            m.explainGap(gap.tfId(), gap.pairId(), gap.quarter(), "VS intake lagged a quarter", "test");
            Snapshot explained = s.freeze(freeze, ProgressListener.NONE).snapshot();
            assertThat(explained.id()).isNotEqualTo(withMeasures.id());
            assertThat(FrozenMeasures.read(explained).orElseThrow().reconciliation())
                    .filteredOn(r -> r.tfId().equals(gap.tfId())
                            && r.pairId().equals(gap.pairId())
                            && r.quarter().equals(gap.quarter()))
                    .extracting(ReconciliationRow::explanation)
                    .containsExactly("VS intake lagged a quarter");
        }
    }
}
