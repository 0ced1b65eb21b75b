package org.tfeval.study.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.synth.GeneratedStudy;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 10: the design weights of the analyses come from the recorded draw. A generated study (its sites' sampling
 * fractions differ) is imported, a draw is recorded from its case list, the frame sizes are taken from that list,
 * and the case-level arrest share is estimated with them.
 */
class DrawWeightsTest {
    @TempDir
    Path dir;

    @Test
    void theWeightedArrestShareCombinesTheSitesByTheirFramesAsTheHandComputationDoes() throws Exception {
        Study study = Study.create(dir.resolve("study"), "ecm", true, url(PostgresExtension.freshDatabase()));
        Path data = dir.resolve("synthetic");
        GeneratedStudy g = StudyGenerator.defaults()
                .withCases(90)
                .withSites(4)
                .withErrors(false)
                .generate(study.instrument(), data, org.tfeval.synth.ProgressListener.none());
        assertThat(study.importForms(data, "test", "synthetic", ProgressListener.NONE, r -> {}))
                .isTrue();
        Study.Sampled sample = study.sample(Study.SampleDesign.of("20-40", 11, 0), g.caseList(), "test", "test", null);

        Map<String, Long> frames = study.sampleFrames(sample.id(), g.caseList());

        // the frame sizes are the rows of each site's case list
        Map<String, Long> listed = new TreeMap<>();
        Files.readAllLines(g.caseList()).stream()
                .skip(1)
                .forEach(l -> listed.merge(l.substring(0, l.indexOf(',')), 1L, Long::sum));
        assertThat(frames).isEqualTo(listed);

        Study.Frozen frozen = study.freeze(new Study.Freeze("test", true, "test"), ProgressListener.NONE);
        StudyData sd = StudyData.load(frozen.snapshot());
        var result = new OutcomeFunnel().run(sd, AnalysisSettings.defaults().withFrames(frames));
        ResultTable<OutcomeFunnel.StageRow> bySite = result.table(OutcomeFunnel.CASE_BY_SITE);
        ShareCells all = result.table(OutcomeFunnel.CASE_BY_TYPE)
                .first(r -> r.group().equals(OutcomeFunnel.ALL) && r.stage().equals(OutcomeFunnel.ARREST))
                .orElseThrow()
                .share();

        // hand computation: the ratio of the Horvitz-Thompson totals (weights w_h = N_h / n_h, the inverse sampling
        // fraction of site h) of arrested cases and of cases with a known arrest status:
        // share = sum_h w_h e_h / sum_h w_h d_h, n_h the coded cases of site h (its investigation stage), e_h and
        // d_h the arrested cases and the cases with a known arrest status there
        double num = 0;
        double den = 0;
        double[] fractions = new double[frames.size()];
        int k = 0;
        for (Map.Entry<String, Long> e : frames.entrySet()) {
            ShareCells inv = site(bySite, e.getKey(), OutcomeFunnel.INVESTIGATION);
            ShareCells arrest = site(bySite, e.getKey(), OutcomeFunnel.ARREST);
            double w = (double) e.getValue() / inv.n();
            fractions[k++] = 1 / w;
            num += w * arrest.n();
            den += w * arrest.denominator();
        }
        assertThat(Arrays.stream(fractions).max().orElseThrow()
                        - Arrays.stream(fractions).min().orElseThrow())
                .as("the sites' sampling fractions differ")
                .isGreaterThan(0.01);
        assertThat(all.pct()).isCloseTo(num / den, within(1e-12));
        assertThat(all.pct()).isNotCloseTo(all.unweightedPct(), within(1e-6));
        assertThat(all.unweightedPct()).isCloseTo((double) all.n() / all.denominator(), within(1e-12));
    }

    private static ShareCells site(ResultTable<OutcomeFunnel.StageRow> t, String tf, String stage) {
        List<OutcomeFunnel.StageRow> rows = t.rows().stream()
                .filter(r -> r.group().contains(tf) && r.stage().equals(stage))
                .toList();
        assertThat(rows).as("%s %s", tf, stage).hasSize(1);
        return rows.get(0).share();
    }

    static String url(ConnectionSettings db) {
        StringBuilder u = new StringBuilder(db.jdbcUrl()).append(db.jdbcUrl().contains("?") ? '&' : '?');
        u.append("user=").append(URLEncoder.encode(db.user(), StandardCharsets.UTF_8));
        if (db.password() != null)
            u.append("&password=").append(URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        return u.toString();
    }
}
