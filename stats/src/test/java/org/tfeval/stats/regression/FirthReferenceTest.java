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
 * Oracle: R {@code brglm2} ({@code glm(method = "brglmFit", type = "AS_mean")}), estimates and SEs from
 * the inverse Fisher information, for every reference/r case whose model is {@code firth}. Tolerances
 * from each expected.json.
 */
class FirthReferenceTest {

    @TestFactory
    Stream<DynamicTest> every_r_firth_case_matches_brglm2() {
        List<Path> cases = ReferenceCases.rCases("firth");
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path folder) {
        JsonNode exp = ReferenceCases.expected(folder);
        double tolEst = exp.path("tolerance").path("estimate").asDouble();
        double tolSe = exp.path("tolerance").path("std_error").asDouble();
        Design d = DesignBuilder.of(exp.path("formula").asText()).build(ReferenceCases.data(folder));
        FirthFit fit = FirthLogisticRegression.create()
                .withIntervals(IntervalType.WALD)
                .fit(d);
        assertThat(fit.converged()).isTrue();
        assertThat(fit.n()).isEqualTo(exp.path("n").asInt());
        List<String> failures = new ArrayList<>();
        for (JsonNode c : exp.path("coefficients")) {
            String term = c.path("term").asText();
            Coefficient got = fit.coefficients().stream()
                    .filter(k -> k.term().equals(term))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("missing term " + term));
            GlmReferenceTest.compare(
                    failures,
                    term + " estimate",
                    got.estimate(),
                    c.path("estimate").asDouble(),
                    tolEst);
            GlmReferenceTest.compare(
                    failures,
                    term + " std_error",
                    got.stdError(),
                    c.path("std_error").asDouble(),
                    tolSe);
        }
        assertThat(failures).isEmpty();
    }
}
