package org.tfeval.stats.regression;

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

/**
 * Oracle: NIST StRD linear least squares certified values
 * (https://www.itl.nist.gov/div898/strd/lls/lls.shtml), every dataset in reference/nist. Each certified
 * number must be reproduced with a log relative error of at least {@link #MIN_LRE} digits.
 */
class NistLinearRegressionTest {

    /**
     * Required digits. The issue demands 9 on every dataset, including Filip and Wampler5; R's lm reaches
     * about 7.2 on Filip (with tol = 1e-10) and 5.5 on Wampler5. The certified values carry 15 digits.
     */
    static final double MIN_LRE = 9.0;

    /** LRE cap: the certified values have 15 significant digits. */
    static final double MAX_LRE = 15.0;

    @TestFactory
    Stream<DynamicTest> every_nist_dataset_is_reproduced_to_nine_digits() {
        List<Path> cases = ReferenceCases.caseFolders("nist");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(11);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path folder) {
        JsonNode exp = ReferenceCases.expected(folder);
        JsonNode cert = exp.path("certified");
        Design d = DesignBuilder.of(exp.path("model").path("formula").asText()).build(ReferenceCases.data(folder));
        LinearFit fit = LinearRegression.create().fit(d);
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cert.path("coefficients")) {
            String term = c.path("term").asText();
            int j = d.indexOf(term);
            assertThat(j)
                    .as("term %s present in design %s", term, d.columnNames())
                    .isGreaterThanOrEqualTo(0);
            expectLre(
                    failures,
                    term + " estimate",
                    fit.estimates()[j],
                    c.path("estimate").asDouble());
            expectLre(
                    failures,
                    term + " std_error",
                    fit.coefficients().get(j).stdError(),
                    c.path("std_error").asDouble());
        }
        expectLre(
                failures,
                "residual_sd",
                fit.residualSd(),
                cert.path("residual_sd").asDouble());
        expectLre(failures, "r_squared", fit.rSquared(), cert.path("r_squared").asDouble());
        JsonNode anova = cert.path("anova");
        assertThat(fit.modelDf()).isEqualTo(anova.path("regression").path("df").asInt());
        assertThat(fit.residualDf()).isEqualTo(anova.path("residual").path("df").asInt());
        expectLre(
                failures,
                "regression SS",
                fit.regressionSumOfSquares(),
                anova.path("regression").path("sum_of_squares").asDouble());
        expectLre(
                failures,
                "regression MS",
                fit.regressionMeanSquare(),
                anova.path("regression").path("mean_square").asDouble());
        expectLre(
                failures,
                "residual SS",
                fit.residualSumOfSquares(),
                anova.path("residual").path("sum_of_squares").asDouble());
        expectLre(
                failures,
                "residual MS",
                fit.residualMeanSquare(),
                anova.path("residual").path("mean_square").asDouble());
        JsonNode f = anova.path("f_statistic");
        if (f.isNull()) {
            assertThat(fit.fStatistic()).as("F of an exact fit").isEqualTo(Double.POSITIVE_INFINITY);
        } else {
            expectLre(failures, "F", fit.fStatistic(), f.asDouble());
        }
        assertThat(failures).as("items below %s digits", MIN_LRE).isEmpty();
    }

    /** LRE = -log10(|est - cert| / |cert|), or -log10|est| when cert = 0 (NIST's definition), capped at 15. */
    static double lre(double est, double cert) {
        double err = cert == 0 ? Math.abs(est) : Math.abs(est - cert) / Math.abs(cert);
        return err == 0 ? MAX_LRE : Math.min(MAX_LRE, -Math.log10(err));
    }

    private static void expectLre(List<String> failures, String what, double est, double cert) {
        double l = lre(est, cert);
        if (!(l >= MIN_LRE)) {
            failures.add(String.format("%s: LRE %.2f (got %.15g, certified %.15g)", what, l, est, cert));
        }
    }

    @Test
    void lre_follows_the_nist_definition() {
        assertThat(lre(1.0000001, 1.0)).isCloseTo(7.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(lre(1e-12, 0.0)).isCloseTo(12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lre(2.0, 2.0)).isEqualTo(MAX_LRE);
    }
}
