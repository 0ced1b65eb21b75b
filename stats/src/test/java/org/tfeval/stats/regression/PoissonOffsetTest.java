package org.tfeval.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.design.Formula;
import org.tfeval.stats.frame.CsvFrameReader;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.model.Coefficient;

/**
 * Oracle: poisson_offset.json from make_poisson_offset_fixture.R (next to it): R's {@code glm(count ~ x +
 * strong + offset(log(exposure)), poisson)} and {@code confint}.
 */
class PoissonOffsetTest {

    private static final Path DIR = Path.of("src/test/resources/org/tfeval/stats/regression");

    /** IRLS to 1e-14 on both sides: estimates, SEs and deviances agree to near machine precision. */
    private static final double FIT = 1e-8;

    /** Profile limits are root-found on both sides (R: spline interpolation of the profile): 1e-4. */
    private static final double PROFILE = 1e-4;

    private final JsonNode fx = ReferenceCases.json(DIR.resolve("poisson_offset.json"));
    private final DataFrame data =
            CsvFrameReader.standard().read(DIR.resolve(fx.path("file").asText()));

    @Test
    void poisson_rate_model_with_log_exposure_offset_matches_r_glm() {
        Design design = DesignBuilder.of(fx.path("formula").asText()).build(data);
        assertThat(design.hasOffset()).isTrue();
        GlmFit fit = GeneralizedLinearModel.of(Family.POISSON_LOG)
                .withIntervals(IntervalType.PROFILE_LIKELIHOOD)
                .fit(design);
        for (int j = 0; j < 3; j++) {
            Coefficient c = fit.coefficients().get(j);
            assertThat(c.term()).isEqualTo(fx.path("terms").get(j).asText());
            assertThat(c.estimate())
                    .as(c.term())
                    .isCloseTo(fx.path("estimates").get(j).asDouble(), offset(FIT));
            assertThat(c.stdError())
                    .as(c.term())
                    .isCloseTo(fx.path("std_errors").get(j).asDouble(), offset(FIT));
            assertThat(c.ciLow())
                    .as(c.term())
                    .isCloseTo(fx.path("ci_low").get(j).asDouble(), offset(PROFILE));
            assertThat(c.ciHigh())
                    .as(c.term())
                    .isCloseTo(fx.path("ci_high").get(j).asDouble(), offset(PROFILE));
        }
        assertThat(fit.deviance()).isCloseTo(fx.path("deviance").asDouble(), offset(FIT));
        assertThat(fit.nullDeviance()).isCloseTo(fx.path("null_deviance").asDouble(), offset(FIT));
    }

    @Test
    void formula_text_keeps_the_offset() {
        Formula f = Formula.parse("count ~ x + offset(log(exposure))");
        assertThat(f.offset().column()).isEqualTo("exposure");
        assertThat(f.offset().log()).isTrue();
        assertThat(f.text()).isEqualTo("count ~ x + offset(log(exposure))");
        assertThat(f.columns()).contains("exposure");
    }

    @Test
    void refuses_an_offset_for_linear_regression_and_a_log_of_a_non_positive_value() {
        Design design = DesignBuilder.of("score ~ x + offset(log(exposure))").build(data);
        assertThatThrownBy(() -> LinearRegression.create().fit(design))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("offset() is supported for logistic and Poisson models");
        assertThatThrownBy(
                        () -> DesignBuilder.of("count ~ x + offset(log(score))").build(data))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("offset(log(score)) is not defined");
    }
}
