package org.tfeval.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.MeasureCatalogueLoader;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.measures.file.MeasureFile;
import org.tfeval.measures.file.MeasureFileWriter;
import org.tfeval.measures.layout.GranteeLayout;
import org.tfeval.measures.reconcile.Reconciler;
import org.tfeval.measures.reconcile.ReconciliationRow;
import org.tfeval.measures.synthetic.SyntheticMeasures;
import org.tfeval.measures.validation.MeasureCheck;
import org.tfeval.measures.validation.MeasureRule;
import org.tfeval.measures.validation.MeasureValidator;
import org.tfeval.measures.validation.StoredMeasures;

/** The synthetic measures: validation finds every planted error, reconciliation flags every planted gap. */
class SyntheticMeasuresTest {
    static final MeasureCatalogue CATALOGUE = MeasureCatalogueLoader.builtIn();
    static final List<SyntheticMeasures.Site> SITES = List.of(
            new SyntheticMeasures.Site("TF01", 2016, 1.0),
            new SyntheticMeasures.Site("TF02", 2018, 0.6),
            new SyntheticMeasures.Site("TF03", 2020, 2.0));

    @TempDir
    Path dir;

    private SyntheticMeasures.Generated generated() {
        return SyntheticMeasures.defaults().withSeed(7).withPlantedGaps(5).generate(CATALOGUE, SITES);
    }

    @Test
    void clean_synthetic_file_passes_validation() {
        SyntheticMeasures.Generated g = generated();
        Path f = dir.resolve("clean.csv");
        MeasureFileWriter.write(f, g.values(), CATALOGUE);
        MeasureCheck c = MeasureValidator.of(CATALOGUE).check("clean.csv", MeasureFile.read(f), StoredMeasures.NONE);
        assertThat(c.violations()).isEmpty();
        assertThat(c.values()).hasSameSizeAs(g.values());
    }

    @Test
    void validation_finds_every_planted_error_and_nothing_else() {
        SyntheticMeasures s = SyntheticMeasures.defaults().withSeed(7);
        SyntheticMeasures.Generated g = s.generate(CATALOGUE, SITES);
        SyntheticMeasures.PlantedFile planted = s.plantErrors(g, CATALOGUE);
        Path f = dir.resolve("planted.csv");
        MeasureFileWriter.writeRaw(f, planted.rows());
        MeasureCheck c = MeasureValidator.of(CATALOGUE).check("planted.csv", MeasureFile.read(f), StoredMeasures.NONE);
        Set<SyntheticMeasures.PlantedError> found = new HashSet<>();
        for (Violation v : c.violations()) {
            assertThat(v.file()).isEqualTo("planted.csv");
            assertThat(v.variable()).isNotNull();
            found.add(new SyntheticMeasures.PlantedError(v.row(), MeasureRule.ofCode(v.code())));
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(planted.errors());
        assertThat(planted.errors())
                .extracting(SyntheticMeasures.PlantedError::rule)
                .contains(
                        MeasureRule.NEGATIVE_COUNT,
                        MeasureRule.DISAGGREGATION_ABOVE_TOTAL,
                        MeasureRule.PERIODS_OVERLAP,
                        MeasureRule.PERIOD_GAP,
                        MeasureRule.CONFLICTING_VALUE,
                        MeasureRule.UNKNOWN_MEASURE);
        assertThat(c.values()).isEmpty();
    }

    @Test
    void reconciliation_flags_every_planted_gap_and_nothing_else() {
        SyntheticMeasures.Generated g = generated();
        List<ReconciliationRow> rows = Reconciler.of(CATALOGUE).reconcile(g.values(), Map.of());
        List<Reconciler.NoteKey> flagged = rows.stream()
                .filter(ReconciliationRow::flagged)
                .map(r -> new Reconciler.NoteKey(r.tfId(), r.pairId(), r.quarter()))
                .toList();
        assertThat(g.gaps()).hasSize(5);
        assertThat(flagged).containsExactlyInAnyOrderElementsOf(g.gaps());
    }

    @Test
    void a_value_reported_again_with_another_number_conflicts_with_the_stored_one() {
        SyntheticMeasures.Generated g = generated();
        MeasureValue v = g.values().get(0);
        Path f = dir.resolve("again.csv");
        MeasureFileWriter.write(
                f,
                List.of(new MeasureValue(
                        v.tfId(),
                        v.grantee(),
                        v.award(),
                        v.quarter(),
                        v.measureId(),
                        v.disaggregation(),
                        v.value() + 1)),
                CATALOGUE);
        MeasureCheck c = MeasureValidator.of(CATALOGUE)
                .check("again.csv", MeasureFile.read(f), new StoredMeasures(Map.of(v.key(), v.value())));
        assertThat(c.violations()).extracting(Violation::code).containsExactly(MeasureRule.CONFLICTING_VALUE.code());
        assertThat(c.violations().get(0).message()).doesNotContain(Long.toString(v.value() + 1));
    }

    @Test
    void export_writes_one_file_per_grantee_and_quarter_that_imports_unchanged() {
        SyntheticMeasures.Generated g = generated();
        List<Path> files = GranteeLayout.write(dir.resolve("export"), g.values(), CATALOGUE);
        long grantees = g.values().stream()
                .map(v -> v.tfId() + v.grantee() + v.quarter())
                .distinct()
                .count();
        assertThat(files).hasSize((int) grantees);
        assertThat(files.get(0).getFileName().toString()).matches("TF01_(LE|VS)_FY2016Q1\\.csv");
        MeasureCheck c = MeasureValidator.of(CATALOGUE)
                .check(files.get(0).getFileName().toString(), MeasureFile.read(files.get(0)), StoredMeasures.NONE);
        assertThat(c.violations()).isEmpty();
        assertThat(c.values()).isNotEmpty().allMatch(v -> g.values().contains(v));
    }
}
