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

/**
 * Oracle: R 4.2 {@code glm(..., control = glm.control(epsilon = 1e-14))}, {@code summary.glm} and
 * {@code confint.default}, as written by reference/r/make_reference.R into every case whose model is
 * {@code logit} or {@code poisson}. Tolerances come from each expected.json.
 */
class GlmReferenceTest {

    @TestFactory
    Stream<DynamicTest> every_r_glm_case_matches() {
        List<Path> cases = new ArrayList<>(ReferenceCases.rCases("logit"));
        cases.addAll(ReferenceCases.rCases("poisson"));
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    static GlmFit fitCase(Path folder) {
        JsonNode exp = ReferenceCases.expected(folder);
        Design d = DesignBuilder.of(exp.path("formula").asText()).build(ReferenceCases.data(folder));
        Family family = exp.path("model").asText().equals("logit") ? Family.BINOMIAL_LOGIT : Family.POISSON_LOG;
        return GeneralizedLinearModel.of(family).fit(d);
    }

    private void check(Path folder) {
        JsonNode exp = ReferenceCases.expected(folder);
        double tolEst = exp.path("tolerance").path("estimate").asDouble();
        double tolSe = exp.path("tolerance").path("std_error").asDouble();
        GlmFit fit = fitCase(folder);
        List<String> failures = new ArrayList<>();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.n()).isEqualTo(exp.path("n").asInt());
        assertThat(fit.terms()).hasSize(exp.path("coefficients").size());
        for (JsonNode c : exp.path("coefficients")) {
            String term = c.path("term").asText();
            var got = fit.coefficients().stream()
                    .filter(k -> k.term().equals(term))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("missing term " + term + " in " + fit.terms()));
            compare(
                    failures,
                    term + " estimate",
                    got.estimate(),
                    c.path("estimate").asDouble(),
                    tolEst);
            compare(
                    failures,
                    term + " std_error",
                    got.stdError(),
                    c.path("std_error").asDouble(),
                    tolSe);
            // interval and p-value are functions of estimate and SE; the SE tolerance applies
            compare(failures, term + " ci_low", got.ciLow(), c.path("ci_low").asDouble(), tolSe);
            compare(failures, term + " ci_high", got.ciHigh(), c.path("ci_high").asDouble(), tolSe);
            compare(failures, term + " p_value", got.pValue(), c.path("p_value").asDouble(), tolSe);
        }
        // deviance-type numbers are smooth in the estimates: the estimate tolerance applies
        compare(failures, "deviance", fit.deviance(), exp.path("deviance").asDouble(), tolEst);
        compare(
                failures,
                "null_deviance",
                fit.nullDeviance(),
                exp.path("null_deviance").asDouble(),
                tolEst);
        compare(failures, "loglik", fit.loglik(), exp.path("loglik").asDouble(), tolEst);
        compare(failures, "aic", fit.aic(), exp.path("aic").asDouble(), tolEst);
        assertThat(fit.separation()).isNull();
        assertThat(failures).isEmpty();
    }

    static void compare(List<String> failures, String what, double actual, double expected, double tol) {
        if (!ReferenceCases.close(actual, expected, tol)) {
            failures.add(ReferenceCases.mismatch(what, actual, expected, tol));
        }
    }
}
