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
        ResultTable m = result.table("models");
        int row = m.row("outcome", "Prosecution");
        assertThat(m.text(row, "estimates")).startsWith("Firth");
        assertThat(m.text(row, "robust")).startsWith("CR2 by site");
        assertThat(m.count(row, "task_forces")).isEqualTo(Oracles.count(snapshot, "SELECT count(DISTINCT TF_ID) FROM {case}"));
        assertThat(m.number(row, "glmm_sd")).isNotNull();
    }

    @Test
    void the_model_counts_cases_with_complete_predictors_and_the_outcome_events_among_them() {
        ResultTable m = result.table("models");
        int row = m.row("outcome", "Prosecution");
        long cases = Oracles.count(snapshot, "SELECT count(*) FROM {case}");
        assertThat(m.count(row, "cases") + m.count(row, "left_out")).isEqualTo(cases);
        assertThat(m.count(row, "events")).isLessThanOrEqualTo(m.count(row, "cases"));
    }

    @Test
    void few_task_forces_are_flagged_with_their_number() {
        long sites = Oracles.count(snapshot, "SELECT count(DISTINCT TF_ID) FROM {case}");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("Only " + sites + " task forces"));
    }

    @Test
    void every_predictor_has_an_odds_ratio_within_its_interval_and_robust_p_values_in_range() {
        ResultTable t = result.table("prosecution");
        for (int r = 0; r < t.rowCount(); r++) {
            assertThat(t.number(r, "odds_ratio")).isBetween(t.number(r, "or_low"), t.number(r, "or_high"));
            assertThat(t.number(r, "robust_p")).isBetween(0.0, 1.0);
            assertThat(t.number(r, "robust_df")).isPositive();
        }
        assertThat(t.find("term", "tf_spec_prosecutor")).isNotNegative();
    }
}
