package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    void black_suspects_ratio_is_their_share_over_the_benchmark_share_with_a_katz_interval() {
        AnalysisResult r = new Disproportionality().run(data, AnalysisSettings.defaults());
        Disproportionality.RaceRow row = r.table(Disproportionality.SUSPECTS)
                .first(x -> x.race().equals("Black or African American"))
                .orElseThrow();
        long black = Oracles.count(snapshot, "SELECT count(*) FROM {suspect} WHERE S_RACE = 2");
        long known = Oracles.count(snapshot, "SELECT count(*) FROM {suspect} WHERE S_RACE > 0");
        assertThat(row.n()).isEqualTo(black);
        assertThat(row.denominator()).isEqualTo(known);
        long population = 334_914_895L;
        long members = Math.round(0.137 * population);
        assertThat(row.ratio()).isCloseTo(((double) black / known) / ((double) members / population), within(1e-12));
        double[] katz = Oracles.numbers(Oracles.r(String.format(
                Locale.ROOT,
                "a <- %d; n1 <- %d; b <- %d; n2 <- %d; r <- (a/n1)/(b/n2); "
                        + "se <- sqrt(1/a - 1/n1 + 1/b - 1/n2); z <- qnorm(0.975); cat(sprintf('%%.15g\\n', exp(log(r) + c(-1, 1) * z * se)))",
                black,
                known,
                members,
                population)));
        assertThat(row.ratioLow()).isCloseTo(katz[0], within(R_TOLERANCE));
        assertThat(row.ratioHigh()).isCloseTo(katz[1], within(R_TOLERANCE));
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
