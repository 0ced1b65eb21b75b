package org.tfeval.stats.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Oracle: R survey 4.1.1, {@code svymean} and {@code svyciprop(method = "logit")} on
 * {@code svydesign(ids = ~cluster, weights = ~w)}; fixture and script in test resources
 * {@code org/tfeval/stats/survey} (make_survey_fixtures.R).
 */
class ClusterMeanReferenceTest {
    /** R prints 15 significant digits; sums over ~200 rows in a different order differ in the last few. */
    static final double R_DIGITS = 1e-12;
    /** t quantiles from Commons Statistics against R's qt: agree to about 1e-10 relative. */
    static final double T_QUANTILE = 1e-9;

    static JsonNode fixture() throws IOException {
        try (InputStream in = ClusterMeanReferenceTest.class.getResourceAsStream("survey_means.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static ClusterMean fit(JsonNode c) {
        int n = c.path("y").size();
        double[] y = new double[n];
        double[] w = new double[n];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = c.path("y").get(i).isNull() ? Double.NaN : c.path("y").get(i).asDouble();
            w[i] = c.path("w").get(i).asDouble();
            g[i] = c.path("cluster").get(i).asInt();
        }
        return ClusterMean.of(y, w, g);
    }

    @Test
    void weighted_mean_and_linearization_se_match_svymean() throws IOException {
        for (JsonNode c : fixture().path("cases")) {
            ClusterMean m = fit(c);
            assertThat(m.estimate())
                    .as(c.path("name").asText())
                    .isCloseTo(c.path("mean").asDouble(), within(R_DIGITS));
            assertThat(m.standardError())
                    .as(c.path("name").asText())
                    .isCloseTo(c.path("se").asDouble(), within(R_DIGITS));
            assertThat(m.degreesOfFreedom()).isEqualTo(c.path("df").asInt());
        }
    }

    @Test
    void logit_and_mean_intervals_match_svyciprop_with_clusters_minus_one_df() throws IOException {
        int checked = 0;
        for (JsonNode c : fixture().path("cases")) {
            ClusterMean m = fit(c);
            if (m.estimate() == 0) continue;
            double[] lo = m.interval(ClusterMean.Method.LOGIT, 0.95);
            double[] me = m.interval(ClusterMean.Method.MEAN, 0.95);
            assertThat(lo[0]).isCloseTo(c.path("logit").get(0).asDouble(), within(T_QUANTILE));
            assertThat(lo[1]).isCloseTo(c.path("logit").get(1).asDouble(), within(T_QUANTILE));
            assertThat(me[0]).isCloseTo(c.path("mean_ci").get(0).asDouble(), within(T_QUANTILE));
            assertThat(me[1]).isCloseTo(c.path("mean_ci").get(1).asDouble(), within(T_QUANTILE));
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void clusters_outside_the_domain_count_in_the_variance_but_not_in_the_degrees_of_freedom() throws IOException {
        JsonNode domain = fixture().path("cases").get(3);
        ClusterMean m = fit(domain);
        assertThat(m.clusters()).isEqualTo(8);
        assertThat(m.domainClusters()).isEqualTo(6);
        assertThat(m.degreesOfFreedom()).isEqualTo(domain.path("df").asInt()).isEqualTo(5);
    }

    @Test
    void a_share_with_no_events_has_a_zero_estimate_and_a_degenerate_logit_interval() throws IOException {
        JsonNode zero = fixture().path("cases").get(2);
        ClusterMean m = fit(zero);
        assertThat(m.estimate()).isZero();
        assertThat(m.interval(ClusterMean.Method.LOGIT, 0.95)).containsExactly(0, 0);
    }
}
