package org.tfeval.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code km}, {@code xtab} and {@code agree} on reference data. Oracles: R survival::survdiff and survfit
 * (reference/r/km_lung), R chisq.test / fisher.test (reference/r/proportions_and_tables, table 2x2_b
 * expanded to one row per unit), and the exact recomputation in
 * reference/agreement/krippendorff_alpha_4coders_12units_missing.json.
 */
class OtherStatsCommandsTest {

    @Test
    void km_reports_curves_medians_and_the_log_rank_test() {
        Path lung = CommandRun.reference().resolve("r/km_lung");
        Map<String, Object> exp = FitCommandTest.expected(lung);
        CommandRun r = CommandRun.of(
                new KmCommand(),
                "--data",
                lung.resolve("data.csv").toString(),
                "--time",
                "time",
                "--event",
                "status",
                "--strata",
                "sex",
                "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> got = MiniJson.object(r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> lr = (Map<String, Object>) got.get("logrank");
        @SuppressWarnings("unchecked")
        Map<String, Object> elr = (Map<String, Object>) exp.get("logrank");
        FitCommandTest.assertClose(
                (Double) lr.get("chisq"), (Double) elr.get("chisq"), FitCommandTest.tolerance(exp, "ci"));
        FitCommandTest.assertClose(
                (Double) lr.get("p_value"), (Double) elr.get("p_value"), FitCommandTest.tolerance(exp, "ci"));
        List<Map<String, Object>> strata = FitCommandTest.rows(got.get("strata"));
        assertThat(strata).extracting(s -> s.get("stratum")).containsExactly("sex=female", "sex=male");
        List<Map<String, Object>> table = FitCommandTest.rows(strata.get(0).get("table"));
        Map<String, Object> first = FitCommandTest.rows(exp.get("table_log")).get(0);
        FitCommandTest.assertClose(
                (Double) table.get(0).get("survival"),
                (Double) first.get("survival"),
                FitCommandTest.tolerance(exp, "survival"));
    }

    @Test
    void km_rejects_an_event_column_that_is_not_0_1() {
        Path lung = CommandRun.reference().resolve("r/km_lung");
        CommandRun r = CommandRun.of(
                new KmCommand(), "--data", lung.resolve("data.csv").toString(), "--time", "time", "--event", "time");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'time'").contains("0 (censored) or 1");
    }

    @Test
    void xtab_matches_chisq_test_and_fisher_test(@TempDir Path dir) throws IOException {
        Map<String, Object> exp = FitCommandTest.expected(CommandRun.reference().resolve("r/proportions_and_tables"));
        Map<String, Object> t = FitCommandTest.rows(exp.get("tables")).stream()
                .filter(x -> x.get("name").equals("2x2_b"))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<List<Double>> counts = (List<List<Double>>) t.get("counts");
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < counts.size(); i++) {
            for (int j = 0; j < counts.get(i).size(); j++) {
                for (int k = 0; k < counts.get(i).get(j); k++) {
                    csv.append("r").append(i).append(",c").append(j).append('\n');
                }
            }
        }
        Path file = dir.resolve("units.csv");
        Files.writeString(file, csv);
        CommandRun r = CommandRun.of(
                new XtabCommand(), "--data", file.toString(), "--rows", "a", "--cols", "b", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> got = MiniJson.object(r.out());
        double tol = FitCommandTest.tolerance(exp, "p_value");
        @SuppressWarnings("unchecked")
        Map<String, Object> chi = (Map<String, Object>) got.get("chisq");
        @SuppressWarnings("unchecked")
        Map<String, Object> echi = (Map<String, Object>) t.get("chisq");
        FitCommandTest.assertClose((Double) chi.get("statistic"), (Double) echi.get("statistic"), tol);
        FitCommandTest.assertClose((Double) chi.get("p_value"), (Double) echi.get("p_value"), tol);
        FitCommandTest.assertClose((Double) got.get("fisher_p_value"), (Double) t.get("fisher_p_value"), tol);
        CommandRun table = CommandRun.of(new XtabCommand(), "--data", file.toString(), "--rows", "a", "--cols", "b");
        assertThat(table.out()).contains("Pearson chi-square").contains("Fisher");
    }

    @Test
    void agree_reads_one_column_per_coder_with_blanks_as_missing(@TempDir Path dir) throws IOException {
        Path ref = CommandRun.reference().resolve("agreement/krippendorff_alpha_4coders_12units_missing.json");
        Map<String, Object> doc = MiniJson.object(Files.readString(ref));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) doc.get("data");
        @SuppressWarnings("unchecked")
        List<String> coders = (List<String>) data.get("coders");
        @SuppressWarnings("unchecked")
        List<List<Double>> values = (List<List<Double>>) data.get("data");
        StringBuilder csv = new StringBuilder(String.join(",", coders)).append('\n');
        for (int u = 0; u < values.get(0).size(); u++) {
            List<String> cells = new ArrayList<>();
            for (List<Double> coder : values) {
                Double v = coder.get(u);
                cells.add(v == null ? "" : Long.toString(v.longValue()));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        Path file = dir.resolve("codes.csv");
        Files.writeString(file, csv);
        @SuppressWarnings("unchecked")
        Map<String, Object> recomputed = (Map<String, Object>) doc.get("recomputed");
        for (String level : List.of("nominal", "ordinal", "interval", "ratio")) {
            CommandRun r =
                    CommandRun.of(new AgreeCommand(), "--data", file.toString(), "--level", level, "--format", "json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            Map<String, Object> got = MiniJson.object(r.out());
            assertThat((Double) got.get("krippendorff_alpha"))
                    .as(level)
                    .isCloseTo((Double) recomputed.get("alpha_" + level), org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void agree_rejects_text_codes_at_interval_level(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("codes.csv");
        Files.writeString(file, "a,b\nx,y\ny,y\n");
        CommandRun r = CommandRun.of(new AgreeCommand(), "--data", file.toString(), "--level", "interval");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("numeric codes");
    }
}
