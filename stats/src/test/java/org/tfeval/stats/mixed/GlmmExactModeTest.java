package org.tfeval.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.design.Grouping;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.model.Coefficient;

/**
 * Oracle: glmm_exact.json, written by make_exact_glmm_fixtures.R (next to it): lme4::glmer on every
 * reference/r glmm-logit case with {@code tolPwrss = 1e-13}, i.e. the exact Laplace / AGQ optimum that
 * {@link ModeIteration#EXACT} computes. Tolerances in the fixture: SEs 1e-4 because lme4 takes second
 * differences with step 1e-4 while we difference exact gradients.
 */
class GlmmExactModeTest {

    private static final Path FIXTURE = Path.of("src/test/resources/org/tfeval/stats/mixed/glmm_exact.json");

    @TestFactory
    Stream<DynamicTest> exact_mode_matches_lme4_with_tight_pirls() {
        JsonNode fx = ReferenceCases.json(FIXTURE);
        JsonNode tol = fx.path("tolerance");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fx.path("cases")) {
            tests.add(DynamicTest.dynamicTest(c.path("case").asText(), () -> {
                Path folder = ReferenceCases.root()
                        .resolve("r")
                        .resolve(c.path("case").asText());
                DataFrame data = ReferenceCases.data(folder);
                String group = c.path("group").asText();
                Design d = DesignBuilder.of(c.path("formula").asText())
                        .withRequiredColumn(group)
                        .build(data);
                GlmmFit fit = RandomInterceptLogit.laplace()
                        .withQuadraturePoints(c.path("nagq").asInt())
                        .fit(d, Grouping.of(data, group, d));
                List<String> failures = new ArrayList<>();
                for (JsonNode e : c.path("coefficients")) {
                    String term = e.path("term").asText();
                    Coefficient got = fit.coefficients().stream()
                            .filter(k -> k.term().equals(term))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("missing term " + term));
                    compare(
                            failures,
                            term + " estimate",
                            got.estimate(),
                            e.path("estimate").asDouble(),
                            tol.path("estimate").asDouble());
                    compare(
                            failures,
                            term + " std_error",
                            got.stdError(),
                            e.path("std_error").asDouble(),
                            tol.path("std_error").asDouble());
                }
                compare(
                        failures,
                        "sd",
                        fit.randomInterceptSd(),
                        c.path("random_intercept_sd").asDouble(),
                        tol.path("random_intercept_sd").asDouble());
                compare(
                        failures,
                        "loglik",
                        fit.loglik(),
                        c.path("loglik").asDouble(),
                        tol.path("loglik").asDouble());
                assertThat(failures).isEmpty();
                assertThat(fit.converged()).isTrue();
            }));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @Test
    void gauss_hermite_rule_integrates_normal_moments_exactly() {
        // Oracle: E z^2 = 1, E z^4 = 3, E z^6 = 15 under N(0,1); a k-point rule is exact to degree 2k - 1.
        GaussHermite rule = GaussHermite.of(5);
        double m2 = 0;
        double m4 = 0;
        double m6 = 0;
        double total = 0;
        for (int i = 0; i < 5; i++) {
            double z = rule.nodes()[i];
            double w = rule.weights()[i];
            total += w;
            m2 += w * z * z;
            m4 += w * Math.pow(z, 4);
            m6 += w * Math.pow(z, 6);
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(m2).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-13));
        assertThat(m4).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m6).isCloseTo(15.0, org.assertj.core.data.Offset.offset(1e-11));
    }

    private static void compare(List<String> failures, String what, double actual, double expected, double tol) {
        if (!ReferenceCases.close(actual, expected, tol)) {
            failures.add(ReferenceCases.mismatch(what, actual, expected, tol));
        }
    }
}
