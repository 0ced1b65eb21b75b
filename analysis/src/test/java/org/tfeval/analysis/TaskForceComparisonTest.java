package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.snapshot.Snapshot;

/** Task-force comparison. Oracles: SQL site rates and an R enumeration with combn; R's choose. */
class TaskForceComparisonTest {
    /** R prints 15 significant digits; exact counts and means of a few rates. */
    static final double R_TOLERANCE = 1e-12;

    static Snapshot snapshot;
    static AnalysisResult result;

    @BeforeAll
    static void run() {
        snapshot = SyntheticSnapshots.standard();
        result = new TaskForceComparison().run(StudyData.load(snapshot), AnalysisSettings.defaults());
    }

    @Test
    void site_level_p_value_of_specialized_prosecutor_equals_an_r_enumeration_over_the_task_forces() {
        // each task force's share of cases with a prosecuted suspect (no missing codes in the standard study)
        List<String[]> rows = Oracles.rows(
                snapshot,
                "SELECT c.TF_ID, avg(CASE WHEN EXISTS (SELECT 1 FROM {suspect} s WHERE s.CASE_ID = c.CASE_ID AND "
                        + "s.S_PROSECUTED = 1) THEN 1.0 ELSE 0.0 END), max(t.TF_SPEC_PROSECUTOR) FROM {case} c "
                        + "JOIN {task_force} t USING (TF_ID) GROUP BY c.TF_ID ORDER BY c.TF_ID");
        String rates = rows.stream().map(r -> r[1]).collect(java.util.stream.Collectors.joining(","));
        String arm = rows.stream()
                .map(r -> "1".equals(r[2]) ? "TRUE" : "FALSE")
                .collect(java.util.stream.Collectors.joining(","));
        double[] r = Oracles.numbers(Oracles.r("v <- c(" + rates + "); a <- c(" + arm + ")\n"
                + "t0 <- mean(v[a]) - mean(v[!a]); cmb <- combn(length(v), sum(a))\n"
                + "ts <- apply(cmb, 2, function(i) mean(v[i]) - mean(v[-i]))\n"
                + "cat(sprintf('%.15g\\n', c(t0, mean(abs(ts) >= abs(t0) * (1 - 1e-9) - 1e-9))))\n"));
        TaskForceComparison.SiteLevelRow row = result.table(TaskForceComparison.SITE_LEVEL)
                .first(x -> x.feature().equals("Specialized prosecutor"))
                .orElseThrow();
        assertThat(row.prosecutionDifference()).isCloseTo(r[0], within(R_TOLERANCE));
        if (row.verdict().equals(TaskForceComparison.Verdict.TESTED.words())) {
            assertThat(row.prosecutionP()).isCloseTo(r[1], within(R_TOLERANCE));
            assertThat(row.prosecutionHolmP()).isGreaterThanOrEqualTo(row.prosecutionP());
        } else {
            assertThat(row.prosecutionP()).isNull();
        }
    }

    @Test
    void every_split_has_its_smallest_p_value_in_the_table_and_the_same_number_in_its_sentence() {
        List<TaskForceComparison.StatementRow> sentences =
                result.table(TaskForceComparison.STATEMENT).rows();
        int checked = 0;
        for (TaskForceComparison.SiteLevelRow row :
                result.table(TaskForceComparison.SITE_LEVEL).rows()) {
            String sentence = sentences.stream()
                    .map(TaskForceComparison.StatementRow::statement)
                    .filter(x -> x.startsWith(row.feature() + " (") || x.startsWith(row.feature() + ":"))
                    .findFirst()
                    .orElseThrow();
            if (row.smallestP() == null) {
                assertThat(row.with() == 0 || row.without() == 0 || row.singleSite() != null)
                        .isTrue();
                assertThat(sentence).doesNotContain("smallest p-value");
                continue;
            }
            double expected = Oracles.numbers(Oracles.r(String.format(
                    Locale.ROOT,
                    "cat(sprintf('%%.15g\\n', ifelse(%d == %d, 2, 1) / choose(%d, %d)))",
                    row.with(),
                    row.without(),
                    row.with() + row.without(),
                    row.with())))[0];
            assertThat(row.smallestP()).isCloseTo(expected, within(R_TOLERANCE));
            assertThat(sentence)
                    .contains(row.with() + " against " + row.without() + " task forces")
                    .contains("is " + TaskForceComparison.pValue(row.smallestP()));
            checked++;
        }
        assertThat(checked).isPositive();
        long sites = Oracles.count(snapshot, "SELECT count(DISTINCT TF_ID) FROM {case}");
        long half = sites / 2;
        double even = Oracles.numbers(Oracles.r(String.format(
                Locale.ROOT,
                "cat(sprintf('%%.15g\\n', ifelse(%d == %d, 2, 1) / choose(%d, %d)))",
                half,
                sites - half,
                sites,
                half)))[0];
        assertThat(sentences.stream().map(TaskForceComparison.StatementRow::statement))
                .anyMatch(x -> x.startsWith("Even the most extreme")
                        && x.contains("p-value of " + TaskForceComparison.pValue(even) + " for an even " + half + "-"
                                + (sites - half) + " split"));
    }

    @Test
    void a_feature_with_too_few_task_forces_in_an_arm_is_described_and_one_held_by_one_site_is_named() {
        assertThat(TaskForceComparison.Verdict.of(4, 4, 3)).isEqualTo(TaskForceComparison.Verdict.TESTED);
        assertThat(TaskForceComparison.Verdict.of(2, 6, 3)).isEqualTo(TaskForceComparison.Verdict.DESCRIPTIVE);
        assertThat(TaskForceComparison.Verdict.of(1, 7, 3)).isEqualTo(TaskForceComparison.Verdict.ONE_SITE);
        assertThat(TaskForceComparison.Verdict.of(0, 8, 3)).isEqualTo(TaskForceComparison.Verdict.NO_CONTRAST);
        for (TaskForceComparison.SiteLevelRow row :
                result.table(TaskForceComparison.SITE_LEVEL).rows()) {
            boolean tested = row.verdict().equals(TaskForceComparison.Verdict.TESTED.words());
            if (!tested) {
                assertThat(row.prosecutionP()).as(row.feature()).isNull();
                assertThat(row.chargeP()).as(row.feature()).isNull();
                assertThat(row.prosecutionHolmP()).as(row.feature()).isNull();
            }
            if (row.verdict().equals(TaskForceComparison.Verdict.ONE_SITE.words())) {
                assertThat(row.singleSite()).isNotBlank();
                assertThat(row.smallestP()).isNull();
            }
        }
        assertThat(TaskForceComparison.featureSentence(
                        "Scope", 1, 7, TaskForceComparison.Verdict.ONE_SITE, "TF07", 0.125, 3))
                .contains("one task force is alone on its side")
                .contains("no p-value")
                .doesNotContain("TF07");
    }

    @Test
    void the_statement_says_how_many_sites_the_comparison_rests_on_and_what_they_cannot_show() {
        long sites = Oracles.count(snapshot, "SELECT count(DISTINCT TF_ID) FROM {case}");
        assertThat(result.table(TaskForceComparison.STATEMENT).row(0).statement())
                .contains("rest on " + sites + " task forces")
                .contains("cannot be attributed to the feature");
        assertThat(result.warnings()).anyMatch(w -> w.contains("Case-level tests count each case as independent"));
    }
}
