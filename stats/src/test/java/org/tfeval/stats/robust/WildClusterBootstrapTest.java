package org.tfeval.stats.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.design.Grouping;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.regression.Family;

/**
 * Oracle: wild_bootstrap.json from make_wild_fixtures.R (next to it), a naive R implementation that refits
 * {@code lm} / {@code glm} for each of the 256 Rademacher sign patterns of 8 clusters (reference data
 * logit_cases_226). Enumeration makes the p-values exact, so they must agree to rounding.
 */
class WildClusterBootstrapTest {

    private static final Path FIXTURE = Path.of("src/test/resources/org/tfeval/stats/robust/wild_bootstrap.json");

    /** Enumerated p-values are multiples of 1/256; equality up to rounding. */
    private static final double EXACT = 1e-12;

    private final JsonNode fx = ReferenceCases.json(FIXTURE);
    private final DataFrame data = ReferenceCases.data(
            ReferenceCases.root().resolve("r").resolve(fx.path("case").asText()));
    private final Design design = DesignBuilder.of(fx.path("formula").asText()).build(data);
    private final Grouping clusters = Grouping.of(data, fx.path("cluster").asText(), design);

    @Test
    void ols_restricted_wild_bootstrap_enumerates_all_sign_patterns() {
        WildBootstrapFit fit = WildClusterBootstrap.create().ols(design, clusters);
        assertThat(fit.enumerated()).isTrue();
        assertThat(fit.weights()).isEqualTo(BootstrapWeights.RADEMACHER);
        assertThat(fit.draws()).isEqualTo(fx.path("patterns").asInt());
        for (int j = 0; j < fit.coefficients().size(); j++) {
            Coefficient c = fit.coefficients().get(j);
            assertThat(c.term()).isEqualTo(fx.path("terms").get(j).asText());
            assertThat(c.pValue())
                    .as(c.term())
                    .isCloseTo(fx.path("ols_wcr_p").get(j).asDouble(), org.assertj.core.data.Offset.offset(EXACT));
        }
    }

    @Test
    void logit_score_bootstrap_matches_the_naive_implementation() {
        WildBootstrapFit fit = WildClusterBootstrap.create().glm(design, clusters, Family.BINOMIAL_LOGIT);
        for (int j = 0; j < fit.coefficients().size(); j++) {
            Coefficient c = fit.coefficients().get(j);
            assertThat(c.pValue())
                    .as(c.term())
                    .isCloseTo(fx.path("logit_score_p").get(j).asDouble(), org.assertj.core.data.Offset.offset(EXACT));
        }
    }

    @Test
    void intervals_invert_the_bootstrap_test() {
        // at each limit the bootstrap p-value crosses 1 - confidence: the interval holds the estimate and
        // excludes 0 exactly when p < 0.05
        WildBootstrapFit fit = WildClusterBootstrap.create().ols(design, clusters);
        for (Coefficient c : fit.coefficients()) {
            assertThat(c.ciLow()).isLessThan(c.estimate());
            assertThat(c.ciHigh()).isGreaterThan(c.estimate());
            boolean excludesZero = c.ciLow() > 0 || c.ciHigh() < 0;
            assertThat(excludesZero).as(c.term()).isEqualTo(c.pValue() < 0.05);
        }
    }

    @Test
    void many_clusters_switch_to_seeded_webb_weights() {
        WildClusterBootstrap boot = WildClusterBootstrap.create().withDraws(99).withSeed(7);
        WildBootstrapFit a = boot.ols(design, clusters);
        WildBootstrapFit b = boot.ols(design, clusters);
        assertThat(a.enumerated()).isFalse();
        assertThat(a.weights()).isEqualTo(BootstrapWeights.WEBB);
        assertThat(a.coefficients()).isEqualTo(b.coefficients());
        assertThat(a.describe()).contains("webb").contains("seed 7");
    }
}
