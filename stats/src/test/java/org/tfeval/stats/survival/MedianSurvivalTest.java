package org.tfeval.stats.survival;

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

/**
 * Oracle: km_medians.json from make_median_fixtures.R (next to it): {@code summary(survfit(...))$table}
 * median and 0.95 limits for every reference/r Kaplan-Meier case and both interval types.
 */
class MedianSurvivalTest {

    private static final Path FIXTURE = Path.of("src/test/resources/org/tfeval/stats/survival/km_medians.json");

    @TestFactory
    Stream<DynamicTest> medians_match_survfit() {
        JsonNode fx = ReferenceCases.json(FIXTURE);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fx.path("cases")) {
            tests.add(DynamicTest.dynamicTest(
                    c.path("case").asText() + " " + c.path("conf_type").asText(), () -> {
                        Path folder = ReferenceCases.root()
                                .resolve("r")
                                .resolve(c.path("case").asText());
                        JsonNode exp = ReferenceCases.expected(folder);
                        KaplanMeierFit fit = KaplanMeier.create()
                                .withInterval(SurvivalInterval.parse(
                                        c.path("conf_type").asText()))
                                .fit(
                                        ReferenceCases.data(folder),
                                        exp.path("time").asText(),
                                        exp.path("event").asText(),
                                        exp.path("strata").asText());
                        for (int k = 0; k < c.path("strata").size(); k++) {
                            SurvivalCurve curve = fit.curves().get(k);
                            assertThat(curve.stratum())
                                    .isEqualTo(c.path("strata").get(k).asText());
                            assertThat(curve.median())
                                    .isEqualTo(c.path("median").get(k).asDouble());
                            assertThat(curve.medianLow())
                                    .isEqualTo(c.path("lcl").get(k).asDouble());
                            assertThat(curve.medianHigh())
                                    .isEqualTo(c.path("ucl").get(k).asDouble());
                        }
                    }));
        }
        return tests.stream();
    }

    @Test
    void median_is_the_midpoint_where_the_curve_sits_at_one_half() {
        // Oracle: survfit(Surv(c(1, 2, 3, 4), rep(1, 4)) ~ 1) has S = 0.5 on [2, 3): median (2 + 3) / 2 = 2.5.
        KaplanMeierFit fit = KaplanMeier.create().fit(new double[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1}, null);
        assertThat(fit.curves().get(0).median()).isEqualTo(2.5);
        assertThat(fit.logRank()).isNull();
    }
}
