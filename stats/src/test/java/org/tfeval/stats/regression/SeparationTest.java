package org.tfeval.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.frame.NumericColumn;
import org.tfeval.stats.model.FitWarning;

/**
 * Separation (Albert and Anderson 1984): maximum-likelihood estimates do not exist when a linear
 * combination of predictors separates the outcomes. Oracle for the quasi-complete case: the construction
 * in reference/r/make_reference.R (every labor case of firth_separated_60 is unprosecuted); for the
 * complete case, the textbook example y = 1 exactly when x > 5.
 */
class SeparationTest {

    @Test
    void warns_of_quasi_complete_separation_and_names_the_terms() {
        Path folder = ReferenceCases.root().resolve("r").resolve("firth_separated_60");
        Design d = DesignBuilder.of("prosecuted ~ ht_type + minor_victim + federal")
                .build(ReferenceCases.data(folder));
        GlmFit fit = GeneralizedLinearModel.logistic().fit(d);
        assertThat(fit.separation()).isNotNull();
        assertThat(fit.separation().complete()).isFalse();
        // labor is the reference level: intercept -> -inf and ht_type=sex -> +inf together
        assertThat(fit.separation().terms()).containsExactlyInAnyOrder("intercept", "ht_type=sex");
        assertThat(fit.warnings()).extracting(FitWarning::code).contains(FitWarning.QUASI_COMPLETE_SEPARATION);
        assertThat(fit.warnings())
                .filteredOn(w -> w.code().equals(FitWarning.QUASI_COMPLETE_SEPARATION))
                .allMatch(w -> w.message().contains("ht_type=sex"));
    }

    @Test
    void warns_of_complete_separation() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        DataFrame data = DataFrame.of(new NumericColumn("x", x), new NumericColumn("y", y));
        GlmFit fit =
                GeneralizedLinearModel.logistic().fit(DesignBuilder.of("y ~ x").build(data));
        assertThat(fit.separation()).isNotNull();
        assertThat(fit.separation().complete()).isTrue();
        assertThat(fit.separation().terms()).contains("x");
        assertThat(fit.warnings()).extracting(FitWarning::code).contains(FitWarning.COMPLETE_SEPARATION);
    }

    @Test
    void reports_no_separation_for_overlapping_outcomes() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {0, 0, 1, 0, 0, 1, 0, 1, 1, 1};
        DataFrame data = DataFrame.of(new NumericColumn("x", x), new NumericColumn("y", y));
        GlmFit fit =
                GeneralizedLinearModel.logistic().fit(DesignBuilder.of("y ~ x").build(data));
        assertThat(fit.separation()).isNull();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.warnings()).isEmpty();
    }

    @Test
    void firth_gives_finite_estimates_and_notes_the_separation() {
        Path folder = ReferenceCases.root().resolve("r").resolve("firth_separated_60");
        Design d = DesignBuilder.of("prosecuted ~ ht_type + minor_victim + federal")
                .build(ReferenceCases.data(folder));
        FirthFit fit = FirthLogisticRegression.create().fit(d);
        assertThat(fit.converged()).isTrue();
        assertThat(java.util.Arrays.stream(fit.estimates()).allMatch(Double::isFinite))
                .isTrue();
        assertThat(fit.separation()).isNotNull();
        assertThat(fit.warnings())
                .extracting(FitWarning::code)
                .containsAnyElementsOf(List.of(FitWarning.QUASI_COMPLETE_SEPARATION));
    }
}
