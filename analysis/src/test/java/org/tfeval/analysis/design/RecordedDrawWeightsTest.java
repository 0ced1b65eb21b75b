package org.tfeval.analysis.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.SyntheticSnapshots;
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;
import org.tfeval.snapshot.CodingPairs;
import org.tfeval.snapshot.DrawDesign;

/**
 * Issue 10 item 1: weights follow from the snapshot's recorded draw, and the weighted share matches R's survey
 * package. The standard synthetic study is given a recorded draw (frame sizes 6 to 15 times each task force's
 * coded cases, one of them a replacement used); the cases (task force, weight, trafficking-charge status) are the
 * rows of {@code weighted_share_cases.csv}, which {@code make_weighted_share_fixture.R} (beside it) reads with
 * {@code svydesign(ids = ~tf, weights = ~w)} and answers with {@code svymean} and {@code svyciprop(method = "logit")}
 * in {@code weighted_share.json}.
 */
class RecordedDrawWeightsTest {
    static final String FIXTURE = "/org/tfeval/analysis/design/";

    /** The standard study with a recorded draw: N = coded x (6 + task-force index), 5 replacements drawn, 1 used. */
    static StudyData withDraw() {
        StudyData d = StudyData.load(SyntheticSnapshots.standard());
        long[] coded = new long[d.taskForces().size()];
        for (int i = 0; i < d.cases().rows(); i++)
            if (d.cases().site(i) >= 0) coded[d.cases().site(i)]++;
        List<DrawDesign.Site> sites = new ArrayList<>();
        for (TaskForce t : d.taskForces()) {
            long n = coded[t.index()];
            if (n == 0) continue;
            sites.add(new DrawDesign.Site(
                    t.id(), 1, n * (6 + t.index()), n, 5, n - 1, 1, "test", "2026-12-06T00:00:00Z", 1, "test", "SRS"));
        }
        return new StudyData(
                d.instrument(),
                d.snapshot(),
                d.taskForces(),
                d.cases(),
                d.victims(),
                d.suspects(),
                new DrawDesign(sites),
                CodingPairs.NONE);
    }

    /** The fixture's rows: task force, weight, status (NA for a missing code). */
    static List<String> rows(StudyData d) {
        SampleDesign design = SampleDesign.of(d, java.util.Map.of());
        List<String> out = new ArrayList<>();
        out.add("tf,w,y");
        var y = d.cases().code(StudyData.CASE_HT_CHARGE);
        for (int i = 0; i < d.cases().rows(); i++) {
            int s = d.cases().site(i);
            if (s < 0) continue;
            out.add(d.taskForces().get(s).id() + "," + design.weight(s) + "," + (y.get(i) < 0 ? "NA" : y.get(i)));
        }
        return out;
    }

    @Test
    void theWeightsAreFrameOverDrawnEntriesCodedWithAReplacementCountingAsTheFileItReplaced() {
        StudyData d = withDraw();
        SampleDesign design = SampleDesign.of(d, java.util.Map.of());
        assertThat(design.source()).isEqualTo(SampleDesign.Source.RECORDED_DRAW);
        for (TaskForce t : d.sitesWithCases())
            assertThat(design.weight(t.index())).isEqualTo(6.0 + t.index());
        // frames given for a run override the recorded draw (N / coded cases)
        SampleDesign given = SampleDesign.of(d, java.util.Map.of("none", 5L));
        assertThat(given.weighted()).isFalse();
    }

    @Test
    void theWeightedTraffickingChargeShareAndItsIntervalAreRSurveys() throws IOException {
        StudyData d = withDraw();
        // (re)making the fixture: -Dtfeval.fixture.dump=FILE writes the rows, then run the R script on them
        String dump = System.getProperty("tfeval.fixture.dump");
        if (dump != null) Files.write(Path.of(dump), rows(d), StandardCharsets.UTF_8);
        List<String> expectedRows;
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + "weighted_share_cases.csv")) {
            expectedRows = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertThat(rows(d))
                .as("the fixture holds the rows the analysis estimates from")
                .isEqualTo(expectedRows);
        JsonNode r;
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + "weighted_share.json")) {
            r = new ObjectMapper().readTree(in);
        }
        AnalysisResult a = new DesignWeights().run(d, AnalysisSettings.defaults());
        DesignWeights.WeightingRow row = a.table(DesignWeights.WEIGHTING)
                .first(x -> x.measure().equals("Cases with a trafficking charge"))
                .orElseThrow();
        assertThat(row.weighted()).isCloseTo(r.get("mean").asDouble(), within(1e-12));
        assertThat(row.weightedLow()).isCloseTo(r.get("logit").get(0).asDouble(), within(1e-9));
        assertThat(row.weightedHigh()).isCloseTo(r.get("logit").get(1).asDouble(), within(1e-9));
        assertThat(row.clustered()).isCloseTo(r.get("unweighted_mean").asDouble(), within(1e-12));
        assertThat(row.clusteredLow())
                .isCloseTo(r.get("unweighted_logit").get(0).asDouble(), within(1e-9));
        assertThat(row.clusteredHigh())
                .isCloseTo(r.get("unweighted_logit").get(1).asDouble(), within(1e-9));
        // the weights move the estimate: the fixture is not a case where weighting changes nothing
        assertThat(Math.abs(row.weighted() - row.clustered())).isGreaterThan(1e-4);
    }
}
