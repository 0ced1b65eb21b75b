package org.tfeval.study.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.design.DesignWeights;
import org.tfeval.analysis.reliability.CodingReliability;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.snapshot.DrawDesign;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.study.Demo;
import org.tfeval.study.Study;
import org.tfeval.study.coding.SyntheticDoubleCoding;
import org.tfeval.study.protect.WithdrawalTest;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 10 item 1: the demo's coded cases ARE its recorded draw (replacements for the unusable files), the draw's
 * design travels in the snapshot and gives the weights, and the blind second passes give the reliability table.
 */
@ExtendWith(PostgresExtension.class)
class DemoDrawTest {
    @TempDir
    Path dir;

    @Test
    void theDemoValidatesWithoutSampleLinkErrorsAndItsSnapshotCarriesTheDrawAndTheDoubleCoding(ConnectionSettings db)
            throws Exception {
        try (Study s = Study.create(dir.resolve("study"), "ecm", true, WithdrawalTest.url(db))) {
            Demo.Outcome o = Demo.defaults().withCases(90).withSites(4).run(s);
            Map<String, Long> counts = o.frozen().validation().report().countsByCode();
            assertThat(counts).doesNotContainKeys("case_not_in_draw", "case_ref_missing", "draw_entry_coded_twice");

            Snapshot sn = o.frozen().snapshot();
            DrawDesign design = sn.drawDesign();
            assertThat(design.sites()).isNotEmpty();
            Map<String, Long> coded = new TreeMap<>();
            try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                    var st = c.createStatement();
                    var rs = st.executeQuery(
                            "SELECT TF_ID, count(*) FROM '" + sn.dataset("case") + "' GROUP BY TF_ID")) {
                while (rs.next()) coded.put(rs.getString(1), rs.getLong(2));
            }
            long replaced = 0;
            for (DrawDesign.Site site : design.sites()) {
                // every coded case is a drawn entry, and every drawn entry coded is a coded case
                assertThat(site.used()).as(site.tfId()).isEqualTo(coded.getOrDefault(site.tfId(), 0L));
                assertThat(site.sampleSize()).isEqualTo(site.sampleCoded() + site.sampleNotCoded());
                assertThat(site.weight()).isEqualTo((double) site.frameSize() / site.used());
                replaced += site.replacementsUsed();
            }
            assertThat(replaced)
                    .isEqualTo(o.coded().values().stream()
                            .mapToLong(x -> x.replacementsUsed())
                            .sum());

            assertThat(o.doubleCoded().cases())
                    .isGreaterThanOrEqualTo(design.sites().size());
            assertThat(sn.codingPairs().pairs()).isNotEmpty();
            assertThat(sn.codingPairs().pairs().stream().filter(p -> !p.first().equals(p.second())))
                    .as("planted disagreements")
                    .isNotEmpty();

            StudyResults r = StudyResults.read(o.reports().results());
            assertThat(r.settings().get("weights")).startsWith("weighted by the inverse inclusion probability");
            assertThat(r.analysis(DesignWeights.ID)
                            .table(DesignWeights.WEIGHTING)
                            .row(0)
                            .weighted())
                    .isNotNull();
            var agreement = r.analysis(CodingReliability.ID).table(CodingReliability.AGREEMENT);
            assertThat(agreement.rowCount()).isPositive();
            assertThat(agreement.row(0).cases())
                    .isLessThanOrEqualTo(o.doubleCoded().cases());
            assertThat(SyntheticDoubleCoding.SHARE_PERCENT).isEqualTo(10);
        }
    }
}
