package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(row.glmmSd()).isNotNull();
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
            assertThat(r.robustP()).isBetween(0.0, 1.0);
            assertThat(r.robustDf()).isPositive();
        }
        assertThat(t.first(r -> r.term().equals("tf_spec_prosecutor"))).isPresent();
    }
}
