package org.tfeval.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agree} with two coders: weighted kappas and bootstrap intervals. Oracle: the R script
 * stats/src/test/resources/org/tfeval/stats/agreement/make_agreement_bootstrap_fixture.R on the Hayes and
 * Krippendorff (2007) observers 1 and 2 (linear weighted kappa 0.666165413533835, quadratic
 * 0.79520295202952); the codes are written here with a code 10 added to one unit pair so that text order
 * ("10" before "2") and numeric order differ.
 */
class AgreeIntervalsTest {

    private static final int[] OBS1 = {
        1, 1, 2, -1, 0, 0, 1, 1, 2, 2, -1, 0, 1, 3, 1, 1, 2, 1, 1, 0, 0, 0, 2, 0, 1, 0, 0, 1, 1, 1, 1, 2, 2, 3, 2, 2, 2,
        2, 2, 1
    };
    private static final int[] OBS2 = {
        1, 1, 3, 0, 0, 0, 0, -1, 2, 1, 1, 0, 2, 3, 1, 1, 1, 2, 1, 0, 0, 0, 3, 0, 2, 1, 0, 2, 1, 1, 1, 1, 2, 2, 2, 2, 2,
        2, 2, 1
    };

    /** Closed-form coefficients: agreement to rounding. */
    private static final double EXACT = 1e-12;

    private static Path write(Path dir, int extraCode) throws IOException {
        StringBuilder b = new StringBuilder("obs1,obs2\n");
        for (int u = 0; u < OBS1.length; u++) {
            b.append(OBS1[u] < 0 ? "" : String.valueOf(OBS1[u]))
                    .append(',')
                    .append(OBS2[u] < 0 ? "" : String.valueOf(OBS2[u]))
                    .append('\n');
        }
        if (extraCode > 0) {
            b.append(extraCode).append(',').append(extraCode).append('\n');
        }
        Path f = dir.resolve("two.csv");
        Files.writeString(f, b);
        return f;
    }

    @Test
    void weighted_kappas_match_r_and_every_coefficient_has_a_bootstrap_interval(@TempDir Path dir) throws IOException {
        CommandRun r = CommandRun.of(new AgreeCommand(), "--data", write(dir, 0).toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> got = MiniJson.object(r.out());
        assertThat((Double) got.get("weighted_kappa_linear")).isCloseTo(0.666165413533835, Offset.offset(EXACT));
        assertThat((Double) got.get("weighted_kappa_quadratic")).isCloseTo(0.79520295202952, Offset.offset(EXACT));
        for (String k :
                List.of("krippendorff_alpha", "cohen_kappa", "weighted_kappa_linear", "weighted_kappa_quadratic")) {
            @SuppressWarnings("unchecked")
            List<Double> ci = (List<Double>) got.get(k + "_ci");
            assertThat(ci.get(0)).as(k).isLessThanOrEqualTo((Double) got.get(k));
            assertThat(ci.get(1)).as(k).isGreaterThanOrEqualTo((Double) got.get(k));
            assertThat(ci.get(1) - ci.get(0)).as(k).isGreaterThan(0.05);
        }
        assertThat((String) got.get("interval_method")).contains("unit-level percentile bootstrap, 2000 draws");
    }

    @Test
    void ordinal_codes_order_numerically(@TempDir Path dir) throws IOException {
        CommandRun r = CommandRun.of(
                new AgreeCommand(), "--data", write(dir, 10).toString(), "--level", "ordinal", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat((List<Object>) MiniJson.object(r.out()).get("categories")).containsExactly("0", "1", "2", "3", "10");
    }
}
