package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disparity.PopulationBenchmark;
import org.tfeval.snapshot.Snapshot;

/**
 * Disproportionality against a population benchmark. Oracles: SQL counts; the Katz log interval
 * computed in R from its formula (Katz et al. 1978, Biometrics 34:469-474).
 */
class DisproportionalityTest {
    /** R prints 15 significant digits. */
    /** Commons Statistics' t quantiles agree with R's qt to about 1e-10 (relative); ratios are about 5. */
    static final double T_QUANTILE = 1e-8;

    static final double R_TOLERANCE = 1e-9;

    static Snapshot snapshot;
    static StudyData data;

    @BeforeAll
    static void load() {
        snapshot = SyntheticSnapshots.standard();
        data = StudyData.load(snapshot);
    }

    @Test
    void the_shipped_benchmark_is_labelled_illustrative_and_names_its_source() {
        PopulationBenchmark b = PopulationBenchmark.illustrativeDefault();
        assertThat(b.illustrative()).isTrue();
        assertThat(b.label()).startsWith("ILLUSTRATIVE");
        assertThat(b.share(PopulationBenchmark.NATIONAL, 2)).hasValueSatisfying(s -> {
            assertThat(s.share()).isEqualTo(0.137);
            assertThat(s.source()).contains("Census");
        });
    }

    @Test
    void black_suspects_ratio_is_their_design_based_share_over_the_benchmark_share_as_r_survey_gives_it() {
        AnalysisResult r = new Disproportionality().run(data, AnalysisSettings.defaults());
        Disproportionality.RaceRow row = r.table(Disproportionality.SUSPECTS)
                .first(x -> x.race().equals("Black or African American"))
                .orElseThrow();
        long black = Oracles.count(snapshot, "SELECT count(*) FROM {suspect} WHERE S_RACE = 2");
        long known = Oracles.count(snapshot, "SELECT count(*) FROM {suspect} WHERE S_RACE > 0");
        assertThat(row.n()).isEqualTo(black);
        assertThat(row.denominator()).isEqualTo(known);
        // design-based: R survey on every suspect with a recorded race, task force as the cluster, equal weights;
        // the ratio is the share over the (here single, national) benchmark share, its limits likewise
        List<String[]> rows = Oracles.rows(
                snapshot, "SELECT TF_ID, CASE WHEN S_RACE = 2 THEN 1 ELSE 0 END FROM {suspect} WHERE S_RACE > 0");
        String tf = rows.stream().map(x -> "'" + x[0] + "'").collect(java.util.stream.Collectors.joining(","));
        String y = rows.stream().map(x -> x[1]).collect(java.util.stream.Collectors.joining(","));
        double[] sv = Oracles.numbers(Oracles.r("suppressPackageStartupMessages(library(survey))\n"
                + "d <- data.frame(tf = c(" + tf + "), y = c(" + y + "), w = 1)\n"
                + "ci <- svyciprop(~y, svydesign(ids = ~tf, weights = ~w, data = d), method = 'logit')\n"
                + "cat(sprintf('%.15g\\n', c(coef(ci), attr(ci, 'ci')) / 0.137))\n"));
        assertThat(row.ratio()).isCloseTo(sv[0], within(R_TOLERANCE));
        assertThat(row.ratioLow()).isCloseTo(sv[1], within(T_QUANTILE));
        assertThat(row.ratioHigh()).isCloseTo(sv[2], within(T_QUANTILE));
        assertThat(row.unweightedShare()).isCloseTo((double) black / known, within(R_TOLERANCE));
        assertThat(r.warnings()).anyMatch(w -> w.contains("ILLUSTRATIVE"));
    }

    @Test
    void a_task_force_is_compared_with_its_own_jurisdiction_when_the_user_supplies_one(@TempDir Path dir)
            throws Exception {
        String state = Oracles.rows(snapshot, "SELECT TF_STATE FROM {task_force} WHERE TF_ID = 'TF03'")
                .get(0)[0];
        Path csv = dir.resolve("bench.csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        "jurisdiction,race_code,group,share,population,source",
                        "US,2,Black,0.137,334914895,Census",
                        state + ",2,Black,0.25,1000000,State census",
                        ""));
        AnalysisSettings s = AnalysisSettings.defaults().withBenchmark(PopulationBenchmark.read(csv));
        Disproportionality.SiteRaceRow row = new Disproportionality()
                .run(data, s)
                .table(Disproportionality.SUSPECTS_BY_SITE)
                .first(x -> x.taskForce().equals("TF03") && x.race().equals("Black or African American"))
                .orElseThrow();
        assertThat(row.jurisdiction()).isEqualTo(state);
        assertThat(row.benchmark()).isEqualTo(0.25);
        // the cross-site benchmark combines each task force's own jurisdiction with the sample's (equal) weights
        AnalysisResult all = new Disproportionality().run(data, s);
        Disproportionality.RaceRow cross = all.table(Disproportionality.SUSPECTS)
                .first(x -> x.race().equals("Black or African American"))
                .orElseThrow();
        long inState = Oracles.count(
                snapshot,
                "SELECT count(*) FROM {suspect} x JOIN {task_force} t USING (TF_ID) WHERE x.S_RACE > 0 AND t.TF_STATE = '"
                        + state + "'");
        long known = Oracles.count(snapshot, "SELECT count(*) FROM {suspect} WHERE S_RACE > 0");
        assertThat(inState).isPositive();
        assertThat(cross.benchmark())
                .isCloseTo((inState * 0.25 + (known - inState) * 0.137) / known, within(R_TOLERANCE));
        assertThat(cross.jurisdiction()).contains("Per task force");
    }

    @Test
    void no_ratio_is_shown_for_a_zero_count_and_every_shown_ratio_lies_inside_its_interval() {
        AnalysisResult r = new Disproportionality().run(data, AnalysisSettings.defaults());
        int zeros = 0;
        for (Disproportionality.SiteRaceRow x :
                r.table(Disproportionality.SUSPECTS_BY_SITE).rows()) {
            if (x.n() == 0) {
                assertThat(x.ratio()).isNull();
                assertThat(x.ratioLow()).isNull();
                zeros++;
            } else if (x.ratio() != null && x.ratioLow() != null) {
                assertThat(x.ratio()).isBetween(x.ratioLow(), x.ratioHigh());
            }
        }
        for (Disproportionality.RaceRow x : r.table(Disproportionality.SUSPECTS).rows()) {
            if (x.ratio() != null && x.ratioLow() != null) assertThat(x.ratio()).isBetween(x.ratioLow(), x.ratioHigh());
        }
        assertThat(zeros)
                .as("the standard study has a race absent at some task force")
                .isPositive();
    }

    @Test
    void a_benchmark_with_a_wrong_header_or_shares_above_one_is_refused(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "place,race,share\nUS,2,0.1\n");
        assertThatThrownBy(() -> PopulationBenchmark.read(bad)).hasMessageContaining("the header must be");
        Path over = dir.resolve("over.csv");
        Files.writeString(
                over, "jurisdiction,race_code,group,share,population,source\nUS,1,A,0.8,100,x\nUS,2,B,0.5,100,x\n");
        assertThatThrownBy(() -> PopulationBenchmark.read(over)).hasMessageContaining("add up to");
    }
}
