package org.tfeval.stats.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.design.Grouping;
import org.tfeval.stats.frame.CsvFrameReader;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.regression.Family;

/**
 * Oracle: few_clusters.json from make_few_cluster_fixtures.R (next to it), a reference implementation in R
 * written from Roodman et al. (2019) and Kline and Santos (2012) that refits the restricted model and
 * enumerates every weight pattern: Webb's six points for 5 clusters (7776 patterns), Rademacher for 8
 * (256). Enumerated p-values are exact, so they agree to rounding; interval limits are bisected to the
 * jump of a step function, so they agree to the bisection's resolution.
 */
class FewClusterBootstrapTest {

    private static final Path DIR = Path.of("src/test/resources/org/tfeval/stats/robust");

    /** Enumerated p-values are multiples of 1/patterns: equality up to rounding. */
    private static final double EXACT = 1e-12;

    /** Limits are located by bisection of a step function; both sides stop within 1e-6 of the jump. */
    private static final double LIMIT = 1e-6;

    private final JsonNode all = ReferenceCases.json(DIR.resolve("few_clusters.json"));

    private JsonNode fx(int g) {
        return all.path("g" + g);
    }

    private DataFrame data(int g) {
        return CsvFrameReader.standard().read(DIR.resolve(fx(g).path("file").asText()));
    }

    private WildBootstrapFit fit(int g, String formulaKey, Family family) {
        DataFrame d = data(g);
        Design design = DesignBuilder.of(fx(g).path(formulaKey).asText()).build(d);
        Grouping clusters = Grouping.of(d, "site", design);
        return family == null
                ? WildClusterBootstrap.create().ols(design, clusters)
                : WildClusterBootstrap.create().glm(design, clusters, family);
    }

    private static void assertPValues(WildBootstrapFit fit, JsonNode expected) {
        for (int j = 0; j < fit.tests().size(); j++) {
            BootstrapTest t = fit.tests().get(j);
            assertThat(t.tested()).as(t.term()).isTrue();
            assertThat(t.pValue()).as(t.term()).isCloseTo(expected.get(j).asDouble(), offset(EXACT));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8})
    void chooses_webb_weights_when_rademacher_patterns_are_too_few_for_the_level(int g) {
        WildBootstrapFit fit = fit(g, "ols_formula", null);
        assertThat(fit.weights().name()).isEqualTo(fx(g).path("weights").asText());
        assertThat(fit.enumerated()).isTrue();
        assertThat(fit.draws()).isEqualTo(fx(g).path("patterns").asInt());
        assertThat(fit.pValueFloor()).isCloseTo(fx(g).path("floor").asDouble(), offset(EXACT));
        assertThat(fit.describe()).contains("smallest attainable p-value");
        if (g == 5) {
            assertThat(fit.warnings())
                    .anySatisfy(w -> assertThat(w.message())
                            .contains("Rademacher weights cannot give a p-value below 2/2^5 = 0.06250"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8})
    void ols_restricted_bootstrap_matches_the_r_reference(int g) {
        assertPValues(fit(g, "ols_formula", null), fx(g).path("ols_p"));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8})
    void logit_score_bootstrap_matches_the_r_reference(int g) {
        assertPValues(fit(g, "logit_formula", Family.BINOMIAL_LOGIT), fx(g).path("logit_p"));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8})
    void poisson_score_bootstrap_matches_the_r_reference(int g) {
        assertPValues(fit(g, "poisson_formula", Family.POISSON_LOG), fx(g).path("poisson_p"));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8})
    void interval_limit_is_unbounded_where_fitted_probabilities_reach_one_and_the_p_value_survives(int g) {
        WildBootstrapFit fit = fit(g, "logit_formula", Family.BINOMIAL_LOGIT);
        for (int j = 0; j < fit.tests().size(); j++) {
            BootstrapTest t = fit.tests().get(j);
            assertLimit(t.ciLow(), t.lowBound(), fx(g).path("logit_low").get(j), t.term());
            assertLimit(t.ciHigh(), t.highBound(), fx(g).path("logit_high").get(j), t.term());
        }
        // 'strong' (9 of its 10 cases have y = 1): no finite upper limit, yet its p-value at 0 stands
        BootstrapTest strong = fit.tests().get(2);
        assertThat(strong.highBound()).isEqualTo(BootstrapTest.Bound.UNBOUNDED);
        assertThat(strong.ciHigh()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(strong.pValue()).isBetween(0.0, 1.0);
        assertThat(fit.coefficients().get(2).ciHigh()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    private static void assertLimit(double actual, BootstrapTest.Bound bound, JsonNode expected, String term) {
        double e = expected.isTextual() ? parse(expected.asText()) : expected.asDouble();
        if (Double.isInfinite(e)) {
            assertThat(actual).as(term).isEqualTo(e);
            assertThat(bound).as(term).isEqualTo(BootstrapTest.Bound.UNBOUNDED);
        } else {
            assertThat(actual).as(term).isCloseTo(e, offset(LIMIT));
            assertThat(bound).as(term).isEqualTo(BootstrapTest.Bound.FOUND);
        }
    }

    private static double parse(String text) {
        return switch (text) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    @Test
    void a_quasi_separated_logit_keeps_a_score_p_value_for_every_coefficient() {
        // the Firth fixture: one labor case, with y = 1; ML drives the labor coefficient towards infinity.
        // The score test at 0 needs only the restricted fit, which exists for every coefficient.
        DataFrame raw = CsvFrameReader.standard()
                .read(Path.of("src/test/resources/org/tfeval/stats/regression/firth_labor.csv"));
        double[] site = new double[raw.rowCount()];
        for (int i = 0; i < site.length; i++) {
            site[i] = i % 5;
        }
        java.util.List<org.tfeval.stats.frame.Column> cols = new java.util.ArrayList<>();
        raw.columnNames().forEach(c -> cols.add(raw.column(c)));
        cols.add(new org.tfeval.stats.frame.NumericColumn("site", site));
        DataFrame d = DataFrame.of(cols);
        Design design = DesignBuilder.of("y ~ age + minor + labor").build(d);
        WildBootstrapFit fit =
                WildClusterBootstrap.create().glm(design, Grouping.of(d, "site", design), Family.BINOMIAL_LOGIT);
        assertThat(fit.tests())
                .hasSize(4)
                .allSatisfy(t -> assertThat(t.tested()).as(t.term()).isTrue());
        BootstrapTest labor = fit.tests().get(3);
        assertThat(labor.pValue()).isBetween(fit.pValueFloor(), 1.0);
        assertThat(labor.lowBound()).isEqualTo(BootstrapTest.Bound.UNBOUNDED);
        assertThat(labor.highBound()).isEqualTo(BootstrapTest.Bound.UNBOUNDED);
        assertThat(fit.warnings())
                .anySatisfy(w -> assertThat(w.message()).startsWith("labor: the bootstrap p-value does not fall"));
    }
}
