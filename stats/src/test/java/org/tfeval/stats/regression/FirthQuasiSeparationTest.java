package org.tfeval.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.frame.CsvFrameReader;

/**
 * Oracle: firth_labor.json from make_firth_labor_fixture.R (next to it): the maximum of Firth's penalized
 * likelihood found by R's optim with the analytic gradient and polished by Newton steps to a gradient below
 * 1e-11, on a sample where one labor case with y = 1 quasi-separates the data.
 */
class FirthQuasiSeparationTest {

    private static final Path DIR = Path.of("src/test/resources/org/tfeval/stats/regression");

    /** The requirement: the maximum of the penalized likelihood to 1e-8. */
    private static final double OPTIMUM = 1e-8;

    private final JsonNode fx = ReferenceCases.json(DIR.resolve("firth_labor.json"));
    private final Design design = DesignBuilder.of(fx.path("formula").asText())
            .build(CsvFrameReader.standard().read(DIR.resolve(fx.path("file").asText())));

    @Test
    void converges_to_the_penalized_maximum_on_a_sample_with_one_labor_case() {
        FirthFit fit = FirthLogisticRegression.create()
                .withIntervals(IntervalType.WALD)
                .fit(design);
        assertThat(fit.converged()).isTrue();
        for (int j = 0; j < fx.path("terms").size(); j++) {
            assertThat(fit.coefficients().get(j).estimate())
                    .as(fx.path("terms").get(j).asText())
                    .isCloseTo(fx.path("estimates").get(j).asDouble(), offset(OPTIMUM));
        }
        assertThat(fit.penalizedLoglik()).isCloseTo(fx.path("penalized_loglik").asDouble(), offset(OPTIMUM));
        assertThat(fit.warnings()).anySatisfy(w -> assertThat(w.code()).contains("separation"));
    }
}
