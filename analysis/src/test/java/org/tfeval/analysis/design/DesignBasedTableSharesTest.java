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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.charging.Charging;
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.identification.Identification;
import org.tfeval.analysis.survivors.Survivors;

/**
 * Issue 10 item 1 for the charging, identification and survivors tables: their shares are design-based by default
 * (weights of the recorded draw, task force as the cluster), with the unweighted share and its Wilson interval kept
 * beside them. Oracle: {@code survivor_share_survivors.csv} holds one row per survivor of the standard synthetic
 * study with the recorded draw of {@link RecordedDrawWeightsTest} (task force, weight, whether the survivor's case is
 * of the first type of trafficking, referral to services); {@code make_survivor_share_fixture.R} (beside it) answers
 * with R survey's {@code svymean} and {@code svyciprop(method = "logit")} in {@code survivor_share.json}, for all
 * survivors and for the domain of the first type.
 */
class DesignBasedTableSharesTest {
    static final String MEASURE = "V_REFERRED_SERVICES";

    /** The fixture's rows: task force, weight, in the domain (0/1), status (NA for a missing code). */
    static List<String> rows(StudyData d) {
        SampleDesign design = SampleDesign.of(d, Map.of());
        long type = d.codes("case", "HT_TYPE").get(0);
        var v = d.victims();
        var ht = v.code("HT_TYPE");
        var y = v.code(MEASURE);
        List<String> out = new ArrayList<>();
        out.add("tf,w,d,y");
        for (int i = 0; i < v.rows(); i++) {
            int s = v.site(i);
            if (s < 0) continue;
            out.add(d.taskForces().get(s).id() + "," + design.weight(s) + "," + (ht.get(i) == type ? 1 : 0) + ","
                    + (y.get(i) < 0 ? "NA" : y.get(i)));
        }
        return out;
    }

    @Test
    void theSurvivorReferralShareOfAllSurvivorsAndOfOneTypeAreRSurveysWithTheUnweightedShareBeside()
            throws IOException {
        StudyData d = RecordedDrawWeightsTest.withDraw();
        // (re)making the fixture: -Dtfeval.fixture.dump=FILE writes the rows, then run the R script on them
        String dump = System.getProperty("tfeval.fixture.dump");
        if (dump != null) Files.write(Path.of(dump), rows(d), StandardCharsets.UTF_8);
        assertThat(rows(d))
                .as("the fixture holds the rows the analysis estimates from")
                .isEqualTo(List.of(resource("survivor_share_survivors.csv").split("\n")));
        JsonNode r = new ObjectMapper().readTree(resource("survivor_share.json"));

        ResultTable<Survivors.TreatmentRow> t =
                new Survivors().run(d, AnalysisSettings.defaults()).table(Survivors.TREATMENT_TABLE);
        String measure = d.variableLabel("victim", MEASURE);
        String type = d.label("case", "HT_TYPE", d.codes("case", "HT_TYPE").get(0));
        check(
                t.first(x -> x.group().equals("All") && x.measure().equals(measure))
                        .orElseThrow()
                        .share(),
                r.get("all"));
        check(
                t.first(x -> x.group().equals(type) && x.measure().equals(measure))
                        .orElseThrow()
                        .share(),
                r.get("domain"));
        assertThat(t.notes()).anyMatch(n -> n.contains("design-based") && n.contains("recorded draw"));
    }

    private static void check(ShareCells cells, JsonNode r) {
        assertThat(cells.pct()).isCloseTo(r.get("mean").asDouble(), within(1e-12));
        assertThat(cells.ciLow()).isCloseTo(r.get("logit").get(0).asDouble(), within(1e-9));
        assertThat(cells.ciHigh()).isCloseTo(r.get("logit").get(1).asDouble(), within(1e-9));
        // the unweighted share stays beside it, with its Wilson interval
        assertThat(cells.unweightedPct()).isEqualTo((double) cells.n() / cells.denominator());
        assertThat(cells.wilsonLow()).isLessThan(cells.unweightedPct());
        // the weights move the estimate: the fixture is not a case where weighting changes nothing
        assertThat(Math.abs(cells.pct() - cells.unweightedPct())).isGreaterThan(1e-4);
    }

    @Test
    void chargingAndIdentificationSharesAreWeightedByDefaultAndEqualTheUnweightedOnesWithoutADraw() {
        StudyData weighted = RecordedDrawWeightsTest.withDraw();
        StudyData plain = StudyData.load(org.tfeval.analysis.SyntheticSnapshots.standard());
        AnalysisResult w = new Charging().run(weighted, AnalysisSettings.defaults());
        AnalysisResult u = new Charging().run(plain, AnalysisSettings.defaults());
        ShareCells any = w.table(Charging.STATUTE)
                .first(x -> x.type().equals("All") && x.measure().startsWith("Any charge"))
                .orElseThrow()
                .share();
        ShareCells anyPlain = u.table(Charging.STATUTE)
                .first(x -> x.type().equals("All") && x.measure().startsWith("Any charge"))
                .orElseThrow()
                .share();
        // same counts, a different (weighted) estimate; without a recorded draw '%' is the unweighted share
        assertThat(any.n()).isEqualTo(anyPlain.n());
        assertThat(any.pct()).isNotCloseTo(any.unweightedPct(), within(1e-4));
        assertThat(anyPlain.pct()).isCloseTo(anyPlain.unweightedPct(), within(1e-12));
        assertThat(any.unweightedPct()).isEqualTo(anyPlain.unweightedPct());

        ShareCells all = new Identification()
                .run(weighted, AnalysisSettings.defaults())
                .table(Identification.ACTUAL_VICTIM_TABLE)
                .first(x -> x.cases().equals("All cases"))
                .orElseThrow()
                .share();
        SampleDesign design = SampleDesign.of(weighted, Map.of());
        var actual = weighted.cases().code("ACTUAL_VICTIM");
        assertThat(all.pct())
                .isCloseTo(
                        design.share(
                                        weighted.cases().rows(),
                                        weighted.cases()::site,
                                        i -> true,
                                        actual::get,
                                        AnalysisSettings.defaults().confidence())
                                .estimate(),
                        within(1e-15));
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(RecordedDrawWeightsTest.FIXTURE + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
