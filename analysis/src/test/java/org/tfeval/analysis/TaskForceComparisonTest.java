package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.snapshot.Snapshot;

/** Task-force comparison. Oracles: SQL counts and R's fisher.test. */
class TaskForceComparisonTest {
    /** fisher.test and the stats module agree to 1e-8 (stats README); R prints 15 digits. */
    static final double R_TOLERANCE = 1e-8;

    static Snapshot snapshot;
    static AnalysisResult result;

    @BeforeAll
    static void run() {
        snapshot = SyntheticSnapshots.standard();
        result = new TaskForceComparison().run(StudyData.load(snapshot), AnalysisSettings.defaults());
    }

    @Test
    void fisher_p_values_of_prosecution_by_specialized_prosecutor_equal_r_fisher_test() {
        ResultTable<TaskForceComparison.FeatureRow> t = result.table(TaskForceComparison.FEATURES);
        TaskForceComparison.FeatureRow with = t.first(r -> r.feature().equals("Specialized prosecutor")
                        && r.group().equals("Specialized prosecutor"))
                .orElseThrow();
        TaskForceComparison.FeatureRow without = t.first(r -> r.feature().equals("Specialized prosecutor")
                        && r.group().equals("No specialized prosecutor"))
                .orElseThrow();
        long a = with.prosecution().n();
        long n1 = with.prosecution().of();
        long b = without.prosecution().n();
        long n2 = without.prosecution().of();
        assertThat(a + b)
                .isEqualTo(Oracles.count(
                        snapshot, "SELECT count(DISTINCT CASE_ID) FROM {suspect} WHERE S_PROSECUTED = 1"));
        double r = Oracles.numbers(Oracles.r(String.format(
                Locale.ROOT,
                "cat(sprintf('%%.15g\\n', fisher.test(matrix(c(%d, %d, %d, %d), 2))$p.value))",
                a,
                b,
                n1 - a,
                n2 - b)))[0];
        assertThat(with.prosecutionFisherP()).isCloseTo(r, within(R_TOLERANCE));
    }

    @Test
    void the_statement_says_how_many_sites_the_comparison_rests_on_and_what_they_cannot_show() {
        long sites = Oracles.count(snapshot, "SELECT count(DISTINCT TF_ID) FROM {case}");
        assertThat(result.table(TaskForceComparison.STATEMENT).row(0).statement())
                .contains("rest on " + sites + " task forces")
                .contains("cannot be attributed to the feature");
        assertThat(result.warnings()).anyMatch(w -> w.contains("Case-level tests count each case as independent"));
    }

    @Test
    void the_smallest_attainable_site_level_p_value_is_that_of_the_most_extreme_table() {
        TaskForceComparison.SiteLevelRow row = result.table(TaskForceComparison.SITE_LEVEL)
                .first(r -> r.feature().equals("Specialized prosecutor"))
                .orElseThrow();
        long with = row.with();
        long without = row.without();
        double r = Oracles.numbers(Oracles.r(String.format(
                Locale.ROOT,
                "cat(sprintf('%%.15g\\n', fisher.test(matrix(c(%d, 0, 0, %d), 2))$p.value))",
                with,
                without)))[0];
        assertThat(row.smallestP()).isCloseTo(r, within(R_TOLERANCE));
    }
}
