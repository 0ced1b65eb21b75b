package org.tfeval.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.frame.CsvFrameReader;
import org.tfeval.stats.frame.DataFrame;

/**
 * Oracle: agreement_bootstrap.json from make_agreement_bootstrap_fixture.R (next to it), an R
 * implementation of weighted kappa, ordinal alpha and the unit-level percentile bootstrap (5000 draws) on
 * the Hayes and Krippendorff (2007, p. 84) data (hk2007.csv, copied from reference/agreement).
 */
class AgreementBootstrapTest {

    private static final Path DIR = Path.of("src/test/resources/org/tfeval/stats/agreement");

    /** Closed-form coefficients: agreement to rounding. */
    private static final double EXACT = 1e-12;

    /**
     * Percentile limits from different random draws (2000 here, 5000 in R): the Monte Carlo standard error
     * of a 2.5% quantile is about 0.006 for these coefficients, so 0.03 is about 5 standard errors.
     */
    private static final double MONTE_CARLO = 0.03;

    private final JsonNode fx = ReferenceCases.json(DIR.resolve("agreement_bootstrap.json"));
    private final DataFrame data =
            CsvFrameReader.standard().read(DIR.resolve(fx.path("file").asText()));
    private final CodingTable table = CodingTable.of(data, List.of());
    private final CodingTable pair = CodingTable.of(data, List.of("obs1", "obs2"));

    @Test
    void weighted_kappa_with_linear_and_quadratic_weights_matches_r() {
        assertThat(KappaWeights.NONE.kappa(pair.crossTable(0, 1)))
                .isCloseTo(fx.path("kappa_obs1_obs2").asDouble(), offset(EXACT));
        assertThat(KappaWeights.LINEAR.kappa(pair.crossTable(0, 1)))
                .isCloseTo(fx.path("kappa_linear").asDouble(), offset(EXACT));
        assertThat(KappaWeights.QUADRATIC.kappa(pair.crossTable(0, 1)))
                .isCloseTo(fx.path("kappa_quadratic").asDouble(), offset(EXACT));
    }

    @Test
    void unit_bootstrap_intervals_agree_with_r_to_monte_carlo_error() {
        AgreementBootstrap boot = AgreementBootstrap.create();
        check(boot.alpha(table, MeasurementLevel.ORDINAL), "alpha_ordinal");
        check(boot.kappa(pair, 0, 1, KappaWeights.NONE), "kappa_obs1_obs2", "kappa_ci");
        check(boot.kappa(pair, 0, 1, KappaWeights.LINEAR), "kappa_linear");
        check(boot.kappa(pair, 0, 1, KappaWeights.QUADRATIC), "kappa_quadratic");
    }

    private void check(AgreementBootstrap.Interval got, String key) {
        check(got, key, key + "_ci");
    }

    private void check(AgreementBootstrap.Interval got, String key, String ciKey) {
        assertThat(got.estimate()).as(key).isCloseTo(fx.path(key).asDouble(), offset(EXACT));
        assertThat(got.low()).as(key).isCloseTo(fx.path(ciKey).get(0).asDouble(), offset(MONTE_CARLO));
        assertThat(got.high()).as(key).isCloseTo(fx.path(ciKey).get(1).asDouble(), offset(MONTE_CARLO));
        assertThat(got.low()).as(key).isLessThanOrEqualTo(got.estimate());
        assertThat(got.high()).as(key).isGreaterThanOrEqualTo(got.estimate());
    }

    @Test
    void codes_written_as_text_order_numerically() {
        CodingTable t =
                CodingTable.of(List.of("a", "b"), new Object[][] {{"10", "2", "9", 2.0}, {"2", " 10", null, "9"}});
        assertThat(t.categories()).containsExactly("2", "9", "10");
        assertThat(t.numericValues()).containsExactly(2, 9, 10);
    }
}
