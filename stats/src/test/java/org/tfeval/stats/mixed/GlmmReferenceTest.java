package org.tfeval.stats.mixed;

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
import org.tfeval.stats.design.Grouping;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.model.Coefficient;

/**
 * Oracle: R {@code lme4::glmer(y ~ ... + (1 | group), family = binomial, nAGQ = k)} with bobyqa and
 * {@code rhoend = 1e-12}, for every reference/r case whose model is {@code glmm-logit} (Laplace and
 * adaptive quadrature). Estimates, SEs (lme4's Hessian-based vcov), random-intercept SD and log-likelihood
 * with the tolerances in each expected.json.
 */
class GlmmReferenceTest {

    @TestFactory
    Stream<DynamicTest> every_r_glmm_case_matches_lme4() {
        List<Path> cases = ReferenceCases.rCases("glmm-logit");
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path folder) {
        JsonNode exp = ReferenceCases.expected(folder);
        JsonNode tol = exp.path("tolerance");
        DataFrame data = ReferenceCases.data(folder);
        String group = exp.path("group").asText();
        Design d = DesignBuilder.of(exp.path("formula").asText())
                .withRequiredColumn(group)
                .build(data);
        GlmmFit fit = RandomInterceptLogit.laplace()
                .withModeIteration(ModeIteration.LME4_PIRLS)
                .withQuadraturePoints(exp.path("nagq").asInt())
                .fit(d, Grouping.of(data, group, d));
        List<String> failures = new ArrayList<>();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.n()).isEqualTo(exp.path("n").asInt());
        for (JsonNode c : exp.path("coefficients")) {
            String term = c.path("term").asText();
            Coefficient got = fit.coefficients().stream()
                    .filter(k -> k.term().equals(term))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("missing term " + term));
            compare(
                    failures,
                    term + " estimate",
                    got.estimate(),
                    c.path("estimate").asDouble(),
                    tol.path("estimate").asDouble());
            compare(
                    failures,
                    term + " std_error",
                    got.stdError(),
                    c.path("std_error").asDouble(),
                    tol.path("std_error").asDouble());
        }
        compare(
                failures,
                "random_intercept_sd",
                fit.randomInterceptSd(),
                exp.path("random_intercept_sd").asDouble(),
                tol.path("random_intercept_sd").asDouble());
        compare(
                failures,
                "loglik",
                fit.loglik(),
                exp.path("loglik").asDouble(),
                tol.path("loglik").asDouble());
        assertThat(failures).isEmpty();
    }

    private static void compare(List<String> failures, String what, double actual, double expected, double tol) {
        if (!ReferenceCases.close(actual, expected, tol)) {
            failures.add(ReferenceCases.mismatch(what, actual, expected, tol));
        }
    }
}
