package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.prediction.OutcomePrediction;
import org.tfeval.snapshot.Snapshot;

/**
 * The outcome models. The estimators themselves are verified in the stats module (Firth against
 * brglm2, CR2 against clubSandwich, the GLMM against lme4, the wild bootstrap against a naive R
 * implementation); here: the model is what the analysis says it is, and the warnings a reader
 * needs are generated from the data.
 */
class OutcomePredictionTest {
    static Snapshot snapshot;
    static AnalysisResult result;

    @BeforeAll
    static void run() {
        snapshot = SyntheticSnapshots.standard();
        result = new OutcomePrediction().run(StudyData.load(snapshot), AnalysisSettings.defaults());
    }

    @Test
    void small_sample_methods_are_the_default_and_named_in_the_model_table() {
        OutcomePrediction.ModelRow row = prosecution();
        assertThat(row.estimates()).startsWith("Firth");
        assertThat(row.robust()).startsWith("CR2 by site");
        assertThat(row.taskForces()).isEqualTo(Oracles.count(snapshot, "SELECT count(DISTINCT TF_ID) FROM {case}"));
        assertThat(row.glmmSd()).as(String.join(" | ", result.warnings())).isNotNull();
    }

    @Test
    void the_model_counts_cases_with_complete_predictors_and_the_outcome_events_among_them() {
        OutcomePrediction.ModelRow row = prosecution();
        long cases = Oracles.count(snapshot, "SELECT count(*) FROM {case}");
        assertThat(row.cases() + row.leftOut()).isEqualTo(cases);
        assertThat(row.events()).isLessThanOrEqualTo(row.cases());
    }

    private static OutcomePrediction.ModelRow prosecution() {
        return result.table(OutcomePrediction.MODELS)
                .first(r -> r.outcome().equals("Prosecution"))
                .orElseThrow();
    }

    @Test
    void few_task_forces_are_flagged_with_their_number() {
        long sites = Oracles.count(snapshot, "SELECT count(DISTINCT TF_ID) FROM {case}");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("Only " + sites + " task forces"));
    }

    @Test
    void every_predictor_has_an_odds_ratio_within_its_interval_and_robust_p_values_in_range() {
        ResultTable<OutcomePrediction.CoefficientRow> t = result.table(OutcomePrediction.coefficients("prosecution"));
        for (OutcomePrediction.CoefficientRow r : t.rows()) {
            assertThat(r.oddsRatio()).isBetween(r.orLow(), r.orHigh());
            if (r.term().equals("tf_statewide")) continue; // one task force's effect: no p-value (tested below)
            assertThat(r.robustP()).isBetween(0.0, 1.0);
            assertThat(r.robustDf()).isPositive();
        }
        assertThat(t.first(r -> r.term().equals("tf_spec_prosecutor"))).isPresent();
    }

    @Test
    void a_fifteen_case_three_task_force_study_prints_no_finding_and_no_absurd_random_intercept_odds_ratio() {
        AnalysisResult small = new OutcomePrediction()
                .run(StudyData.load(SyntheticSnapshots.of(15, 3, 15L, false)), AnalysisSettings.defaults());
        for (String[] o : OutcomePrediction.OUTCOMES) {
            OutcomePrediction.ModelRow model = small.table(OutcomePrediction.MODELS)
                    .first(m -> m.outcome().equals(o[2]))
                    .orElseThrow();
            // 15 cases and about ten coefficients: too few events per coefficient, or a singular design
            assertThat(model.status()).startsWith(OutcomePrediction.NOT_A_FINDING);
            for (OutcomePrediction.CoefficientRow c :
                    small.table(OutcomePrediction.coefficients(o[1])).rows()) {
                if (c.glmmOddsRatio() != null)
                    assertThat(Math.abs(Math.log(c.glmmOddsRatio())))
                            .as(c.term())
                            .isLessThanOrEqualTo(OutcomePrediction.ABSURD_LOG_ODDS);
            }
        }
    }

    @Test
    void screened_coefficients_carry_holm_adjusted_p_values_no_smaller_than_the_raw_ones() {
        int compared = 0;
        for (String[] o : OutcomePrediction.OUTCOMES) {
            var rows = result.table(OutcomePrediction.coefficients(o[1])).rows();
            double[] raw = rows.stream()
                    .filter(c -> !c.term().equals("intercept") && c.robustP() != null)
                    .mapToDouble(OutcomePrediction.CoefficientRow::robustP)
                    .toArray();
            String vector = java.util.Arrays.stream(raw)
                    .mapToObj(x -> String.format(Locale.ROOT, "%.17g", x))
                    .collect(java.util.stream.Collectors.joining(","));
            double[] holm = Oracles.numbers(Oracles.r("cat(sprintf('%.15g\\n', p.adjust(c(" + vector + "), 'holm')))"));
            int k = 0;
            for (OutcomePrediction.CoefficientRow c : rows) {
                if (c.term().equals("intercept") || c.robustP() == null) continue;
                assertThat(c.robustHolmP()).as(c.term()).isCloseTo(holm[k++], within(1e-12));
                assertThat(c.robustHolmP()).isGreaterThanOrEqualTo(c.robustP());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5);
    }

    @Test
    void a_feature_of_one_task_force_gets_no_p_value_and_is_named_as_that_task_forces_effect() {
        long statewide = Oracles.count(
                snapshot,
                "SELECT count(DISTINCT c.TF_ID) FROM {case} c JOIN {task_force} t USING (TF_ID) WHERE t.TF_SCOPE = 4");
        for (String[] o : OutcomePrediction.OUTCOMES) {
            var t = result.table(OutcomePrediction.coefficients(o[1]));
            var row = t.first(c -> c.term().equals("tf_statewide"));
            if (statewide != 1 || row.isEmpty()) continue;
            assertThat(row.get().robustP()).isNull();
            assertThat(row.get().robustHolmP()).isNull();
            assertThat(row.get().wildBootstrapP()).isNull();
            assertThat(t.notes()).anyMatch(n -> n.startsWith("tf_statewide is held or lacked by one task force"));
        }
        assertThat(statewide)
                .as("the standard study has one statewide task force with cases")
                .isEqualTo(1);
    }
}
