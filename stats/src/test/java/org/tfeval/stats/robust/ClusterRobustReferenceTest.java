package org.tfeval.stats.robust;

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
import org.tfeval.stats.regression.Family;
import org.tfeval.stats.regression.GeneralizedLinearModel;
import org.tfeval.stats.regression.GlmFit;

/**
 * Oracle: R {@code sandwich::vcovCL(type = "HC1")} (CR1) and {@code clubSandwich::vcovCR(type = "CR2")}
 * with {@code coef_test(test = "Satterthwaite")} (CR2 SE, df, p-value), as stored in every reference/r case
 * that names a {@code cluster}. Tolerance: the case's {@code std_error} tolerance for SEs, df and p-values.
 */
class ClusterRobustReferenceTest {

    @TestFactory
    Stream<DynamicTest> every_clustered_r_case_matches_sandwich_and_clubsandwich() {
        List<Path> cases = ReferenceCases.caseFolders("r").stream()
                .filter(c -> ReferenceCases.expected(c).has("cluster"))
                .toList();
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path folder) {
        JsonNode exp = ReferenceCases.expected(folder);
        double tol = exp.path("tolerance").path("std_error").asDouble();
        DataFrame data = ReferenceCases.data(folder);
        String cluster = exp.path("cluster").asText();
        Design d = DesignBuilder.of(exp.path("formula").asText())
                .withRequiredColumn(cluster)
                .build(data);
        Family family = exp.path("model").asText().equals("logit") ? Family.BINOMIAL_LOGIT : Family.POISSON_LOG;
        GlmFit fit = GeneralizedLinearModel.of(family).fit(d);
        SandwichParts parts = SandwichParts.of(d, fit);
        Grouping g = Grouping.of(data, cluster, d);
        RobustFit cr1 = ClusterRobust.of(ClusterCovariance.CR1).estimate(parts, g);
        RobustFit cr2 = ClusterRobust.of(ClusterCovariance.CR2).estimate(parts, g);
        List<String> failures = new ArrayList<>();
        for (JsonNode c : exp.path("vcov_CR1")) {
            Coefficient got = find(cr1, c.path("term").asText());
            compare(
                    failures,
                    "CR1 " + got.term() + " se",
                    got.stdError(),
                    c.path("std_error").asDouble(),
                    tol);
        }
        for (JsonNode c : exp.path("vcov_CR2")) {
            Coefficient got = find(cr2, c.path("term").asText());
            compare(
                    failures,
                    "CR2 " + got.term() + " se",
                    got.stdError(),
                    c.path("std_error").asDouble(),
                    tol);
            compare(
                    failures,
                    "CR2 " + got.term() + " df",
                    got.df(),
                    c.path("df").asDouble(),
                    tol);
            compare(
                    failures,
                    "CR2 " + got.term() + " p",
                    got.pValue(),
                    c.path("p_value").asDouble(),
                    tol);
        }
        assertThat(failures).isEmpty();
    }

    private static Coefficient find(RobustFit fit, String term) {
        return fit.coefficients().stream()
                .filter(c -> c.term().equals(term))
                .findFirst()
                .orElseThrow(() -> new AssertionError("missing term " + term));
    }

    private static void compare(List<String> failures, String what, double actual, double expected, double tol) {
        if (!ReferenceCases.close(actual, expected, tol)) {
            failures.add(ReferenceCases.mismatch(what, actual, expected, tol));
        }
    }
}
