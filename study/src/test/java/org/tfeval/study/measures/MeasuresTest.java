package org.tfeval.study.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.measures.MeasureCatalogueLoader;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.measures.compare.CaseRecord;
import org.tfeval.measures.compare.Comparison;
import org.tfeval.measures.reconcile.ReconciliationRow;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/** The performance-measure strand on a real study database, with the demo's synthetic measures. */
@ExtendWith(PostgresExtension.class)
class MeasuresTest {
    @TempDir
    Path dir;

    static String url(ConnectionSettings db) {
        return db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
    }

    @Test
    void demo_measures_validation_finds_every_planted_error_and_reconciliation_flags_every_planted_gap(
            ConnectionSettings db) throws Exception {
        try (Study s = Study.create(dir.resolve("s"), "ecm", true, url(db))) {
            Path files = dir.resolve("files");
            StudyGenerator.defaults()
                    .withCases(60)
                    .withSites(4)
                    .withSeed(3)
                    .withErrors(false)
                    .generate(s.instrument(), files, (f, d, t) -> {});
            assertThat(s.importForms(files, "test", "synthetic", ProgressListener.NONE, r -> {}))
                    .isTrue();
            SyntheticPerformanceMeasures.Summary sum =
                    SyntheticPerformanceMeasures.withSeed(5).run(s, dir.resolve("measures"), "test");

            // planted == found, and nothing else
            assertThat(sum.refused().stored()).isFalse();
            assertThat(sum.errorsPlanted()).isGreaterThanOrEqualTo(9);
            assertThat(sum.errorsFound()).isEqualTo(sum.errorsPlanted());
            assertThat(sum.errorsUnplanted()).isZero();
            assertThat(sum.gapsPlanted()).isEqualTo(SyntheticPerformanceMeasures.GAPS);
            assertThat(sum.gapsFlagged()).isEqualTo(sum.gapsPlanted());
            assertThat(sum.gapsUnplanted()).isZero();
            // consistent with the coded cases: never below what the sampled files show
            assertThat(sum.reportedBelowComputed()).isZero();
            assertThat(sum.breakdownsBelowComputed()).isZero();
            assertThat(sum.imported().inserted()).isEqualTo(sum.imported().rows());
            assertThat(sum.report()).exists();

            Measures m = Measures.of(s);
            // atomic: the refused file stored nothing (only the clean file's values are there)
            assertThat(m.values()).hasSize((int) sum.imported().rows());
            // idempotent: the same file again changes nothing
            Measures.Imported again =
                    m.importFile(dir.resolve("measures").resolve(SyntheticPerformanceMeasures.CLEAN), false, "test");
            assertThat(again.inserted()).isZero();
            assertThat(again.unchanged()).isEqualTo(again.rows());
            assertThat(m.catalogueVersions())
                    .containsEntry("1.1.0", sum.imported().rows());

            // drill-down: the records behind a computed number are as many as the number
            Comparison c = m.compare(null).stream()
                    .filter(x -> x.computed() > 0)
                    .findFirst()
                    .orElseThrow();
            List<CaseRecord> records = m.explain(c.tfId(), c.measureId(), c.quarter(), "test");
            assertThat(records)
                    .hasSize((int) c.computed())
                    .allMatch(r -> r.tfId().equals(c.tfId()));

            // potential victims identified: computed from the victim records, dated by their case's open date
            Comparison pv = m.compare(null).stream()
                    .filter(x -> x.measureId().equals("LE_VICTIMS_IDENTIFIED") && x.computed() > 0)
                    .findFirst()
                    .orElseThrow();
            assertThat(m.explain(pv.tfId(), pv.measureId(), pv.quarter(), "test"))
                    .hasSize((int) pv.computed())
                    .allMatch(r -> r.recordId().contains("-V")
                            && pv.quarter().equals(org.tfeval.measures.FiscalQuarter.of(r.date())));

            // explanations: recorded for a flagged quarter, refused for one that is not flagged
            List<ReconciliationRow> rows = m.reconcile();
            ReconciliationRow gap =
                    rows.stream().filter(ReconciliationRow::flagged).findFirst().orElseThrow();
            m.explainGap(gap.tfId(), gap.pairId(), gap.quarter(), "VS client intake lagged a quarter", "test");
            assertThat(m.reconcile())
                    .filteredOn(r -> r.equals(new ReconciliationRow(
                            gap.tfId(),
                            gap.pairId(),
                            gap.quarter(),
                            gap.lawEnforcement(),
                            gap.victimServices(),
                            gap.tolerance(),
                            gap.kind(),
                            "VS client intake lagged a quarter")))
                    .hasSize(1);
            ReconciliationRow fine =
                    rows.stream().filter(r -> !r.flagged()).findFirst().orElseThrow();
            assertThatThrownBy(() -> m.explainGap(fine.tfId(), fine.pairId(), fine.quarter(), "x", "test"))
                    .isInstanceOf(Problem.Refused.class);

            // export in the grantees' layout imports again unchanged
            List<Path> out = m.export(dir.resolve("export"), Measures.Source.REPORTED, c.tfId(), c.quarter(), "test");
            assertThat(out).hasSize(2);
            for (Path f : out) {
                Measures.Imported back = m.importFile(f, false, "test");
                assertThat(back.stored()).isTrue();
                assertThat(back.inserted()).isZero();
            }
            List<Path> computed = m.export(dir.resolve("computed"), Measures.Source.COMPUTED, null, null, "test");
            assertThat(computed).isNotEmpty();
            assertThat(Files.readString(computed.get(0), StandardCharsets.UTF_8))
                    .contains("LE_");

            // a changed catalogue that kept its version is refused
            Files.writeString(
                    m.catalogueFile(),
                    MeasureCatalogueLoader.builtInSource().replace("absolute: 3", "absolute: 4"),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> m.importFile(
                            dir.resolve("measures").resolve(SyntheticPerformanceMeasures.CLEAN), false, "test"))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("new version");
        }
    }
}
