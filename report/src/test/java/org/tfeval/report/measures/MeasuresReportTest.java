package org.tfeval.report.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.MeasureCatalogueLoader;
import org.tfeval.measures.reconcile.Reconciler;
import org.tfeval.measures.synthetic.SyntheticMeasures;

class MeasuresReportTest {
    static final MeasureCatalogue CATALOGUE = MeasureCatalogueLoader.builtIn();

    @TempDir
    Path dir;

    private static MeasuresReport.Input input() {
        List<SyntheticMeasures.Site> sites = List.of(
                new SyntheticMeasures.Site("TF01", 2018, 1.0),
                new SyntheticMeasures.Site("TF02", 2018, 0.4),
                new SyntheticMeasures.Site("TF03", 2019, 3.0),
                new SyntheticMeasures.Site("TF04", 2018, 1.0),
                new SyntheticMeasures.Site("TF05", 2020, 0.8));
        SyntheticMeasures.Generated g =
                SyntheticMeasures.defaults().withSeed(11).withPlantedGaps(3).generate(CATALOGUE, sites);
        return new MeasuresReport.Input(
                CATALOGUE,
                g.values(),
                Reconciler.of(CATALOGUE).reconcile(g.values(), Map.of()),
                List.of(),
                Map.of("TF_COLOCATED", Map.of("TF01", "1", "TF02", "1", "TF03", "0", "TF04", "0", "TF05", "1")),
                true);
    }

    @Test
    void task_force_report_never_names_another_task_force_and_withholds_their_small_figures() {
        String x = MeasuresReport.of(input()).withPdf(false).taskForceXhtml("TF01");
        assertThat(x).contains("TF01").contains("<svg").contains("New award");
        for (String other : List.of("TF02", "TF03", "TF04", "TF05"))
            assertThat(x).doesNotContain(other);
        assertThat(x).contains("(S)");
        assertThat(x).contains("SYNTHETIC");
    }

    @Test
    void chapter_lists_every_flagged_quarter_and_compares_features_at_site_level() {
        MeasuresReport.Input in = input();
        String x = MeasuresReport.of(in).withPdf(false).chapterXhtml();
        long flagged = in.reconciliation().stream().filter(r -> r.flagged()).count();
        assertThat(flagged).isEqualTo(3);
        assertThat(x).contains("Flagged quarters").contains("not yet explained");
        assertThat(x)
                .contains("Task forces by feature")
                .contains("descriptive only")
                .doesNotContain("case-level p");
        assertThat(x).contains("Fiscal-year totals");
    }

    @Test
    void writes_the_chapter_and_one_report_per_task_force() {
        MeasuresReport.Written w = MeasuresReport.of(input()).withPdf(false).write(dir.resolve("pm"));
        assertThat(w.chapter()).exists();
        assertThat(w.taskForces())
                .hasSize(5)
                .allSatisfy((tf, p) -> assertThat(p).exists());
    }
}
