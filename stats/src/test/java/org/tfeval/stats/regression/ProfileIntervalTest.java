package org.tfeval.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.model.Coefficient;

/**
 * Oracle: profile_intervals.json, written by make_profile_fixtures.R (next to it) from the reference/r
 * data: GLM limits by uniroot on R glm deviances with the coefficient fixed through an offset; Firth
 * limits and penalized LR p-values from the penalized likelihood coded directly in R and maximised by
 * optim. Tolerances are in the fixture: 1e-8 for GLM (uniroot tol 1e-12 on exact deviances) and 1e-5
 * for Firth (limited by optim's BFGS with numerical gradients).
 */
class ProfileIntervalTest {

    private static final Path FIXTURE =
            Path.of("src/test/resources/org/tfeval/stats/regression/profile_intervals.json");

    @TestFactory
    Stream<DynamicTest> glm_profile_limits_match_r() {
        JsonNode fx = ReferenceCases.json(FIXTURE);
        double tol = fx.path("tolerance").path("glm").asDouble();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fx.path("glm")) {
            tests.add(DynamicTest.dynamicTest(c.path("case").asText(), () -> {
                Path folder = ReferenceCases.root()
                        .resolve("r")
                        .resolve(c.path("case").asText());
                Design d = DesignBuilder.of(c.path("formula").asText()).build(ReferenceCases.data(folder));
                Family family = c.path("model").asText().equals("logit") ? Family.BINOMIAL_LOGIT : Family.POISSON_LOG;
                GlmFit fit = GeneralizedLinearModel.of(family)
                        .withIntervals(IntervalType.PROFILE_LIKELIHOOD)
                        .withConfidence(c.path("confidence").asDouble())
                        .fit(d);
                compareLimits(fit.coefficients(), c.path("coefficients"), tol, false);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> firth_penalized_profile_limits_and_p_values_match_r() {
        JsonNode fx = ReferenceCases.json(FIXTURE);
        double tol = fx.path("tolerance").path("firth").asDouble();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fx.path("firth")) {
            tests.add(DynamicTest.dynamicTest(c.path("case").asText(), () -> {
                Path folder = ReferenceCases.root()
                        .resolve("r")
                        .resolve(c.path("case").asText());
                Design d = DesignBuilder.of(c.path("formula").asText()).build(ReferenceCases.data(folder));
                FirthFit fit = FirthLogisticRegression.create()
                        .withConfidence(c.path("confidence").asDouble())
                        .fit(d);
                compareLimits(fit.coefficients(), c.path("coefficients"), tol, true);
            }));
        }
        return tests.stream();
    }

    private static void compareLimits(List<Coefficient> got, JsonNode expected, double tol, boolean pValues) {
        List<String> failures = new ArrayList<>();
        assertThat(got).hasSize(expected.size());
        for (JsonNode e : expected) {
            String term = e.path("term").asText();
            Coefficient c = got.stream()
                    .filter(k -> k.term().equals(term))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("missing term " + term));
            GlmReferenceTest.compare(
                    failures, term + " ci_low", c.ciLow(), e.path("ci_low").asDouble(), tol);
            GlmReferenceTest.compare(
                    failures, term + " ci_high", c.ciHigh(), e.path("ci_high").asDouble(), tol);
            if (pValues) {
                GlmReferenceTest.compare(
                        failures,
                        term + " p_value",
                        c.pValue(),
                        e.path("p_value").asDouble(),
                        tol);
            }
        }
        assertThat(failures).isEmpty();
    }
}
