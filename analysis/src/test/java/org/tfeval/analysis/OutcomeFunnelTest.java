package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.snapshot.Snapshot;

/** The funnel on a real snapshot of the default synthetic study. Oracles: SQL over the Parquet files, and R's prop.test. */
class OutcomeFunnelTest {
    /** R prints 15 significant digits; Wilson limits agree to far better than this. */
    static final double R_TOLERANCE = 1e-12;
    /** Commons Statistics' t quantiles agree with R's qt to about 1e-10; the survey limits carry that. */
    static final double T_QUANTILE = 1e-9;

    static Snapshot snapshot;
    static AnalysisResult funnel;

    @BeforeAll
    static void run() {
        snapshot = SyntheticSnapshots.standard();
        funnel = new OutcomeFunnel().run(StudyData.load(snapshot), AnalysisSettings.defaults());
    }

    /** Cases of sex trafficking with at least one suspect whose status satisfies the condition (SQL, independent of the analysis). */
    static long sexCasesWith(String condition) {
        return Oracles.count(
                snapshot,
                "SELECT count(DISTINCT c.CASE_ID) FROM {case} c JOIN {suspect} s USING (CASE_ID) WHERE c.HT_TYPE = 1 AND "
                        + condition);
    }

    /** Sex-trafficking cases with, for each condition, a suspect satisfying it (the nested funnel, SQL). */
    static long sexCasesWithAll(String... conditions) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM {case} c WHERE c.HT_TYPE = 1");
        for (String cond : conditions)
            sql.append(" AND EXISTS (SELECT 1 FROM {suspect} s WHERE s.CASE_ID = c.CASE_ID AND ")
                    .append(cond)
                    .append(")");
        return Oracles.count(snapshot, sql.toString());
    }

    @Test
    void sex_trafficking_case_funnel_counts_equal_counts_taken_directly_from_the_parquet_files() {
        ResultTable<OutcomeFunnel.StageRow> t = funnel.table(OutcomeFunnel.CASE_BY_TYPE);
        long cases = Oracles.count(snapshot, "SELECT count(*) FROM {case} WHERE HT_TYPE = 1");
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.INVESTIGATION).n()).isEqualTo(cases);
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.ARREST).n()).isEqualTo(sexCasesWith("s.S_ARRESTED = 1"));
        String arrested = "s.S_ARRESTED = 1";
        String prosecuted = "s.S_PROSECUTED = 1";
        String charged = "s.S_PROSECUTED = 1 AND s.S_HT_CHARGED = 1";
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.PROSECUTION).n())
                .isEqualTo(sexCasesWithAll(arrested, prosecuted));
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.TRAFFICKING_CHARGE).n())
                .isEqualTo(sexCasesWithAll(arrested, prosecuted, charged));
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.HT_CONVICTION).n())
                .isEqualTo(sexCasesWithAll(arrested, prosecuted, charged + " AND s.S_DISPOSITION IN (1, 2)"));
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.CONVICTION).n())
                .isEqualTo(sexCasesWithAll(arrested, prosecuted, "s.S_PROSECUTED = 1 AND s.S_DISPOSITION IN (1, 2)"));
        // the clean study records every outcome: every sex-trafficking case is in every denominator
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.TRAFFICKING_CHARGE).denominator())
                .isEqualTo(cases);
    }

    @Test
    void the_trafficking_charge_share_is_given_with_both_denominators_and_labelled() {
        ResultTable<OutcomeFunnel.ChargeRow> t = funnel.table(OutcomeFunnel.TRAFFICKING_CHARGE_TABLE);
        long charged = sexCasesWith("s.S_PROSECUTED = 1 AND s.S_HT_CHARGED = 1");
        ShareCells all = t.first(
                        r -> r.level().equals("Cases") && r.denominator().equals(OutcomeFunnel.OF_ALL_SEX))
                .orElseThrow()
                .share();
        ShareCells pros = t.first(
                        r -> r.level().equals("Cases") && r.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                .orElseThrow()
                .share();
        assertThat(all.n()).isEqualTo(charged);
        assertThat(pros.n()).isEqualTo(charged);
        assertThat(all.denominator())
                .isEqualTo(Oracles.count(snapshot, "SELECT count(*) FROM {case} WHERE HT_TYPE = 1"));
        assertThat(pros.denominator()).isEqualTo(sexCasesWith("s.S_PROSECUTED = 1"));
        assertThat(pros.pct()).isGreaterThan(all.pct());
        assertThat(t.notes()).anyMatch(n -> n.contains("both are given"));
    }

    @Test
    void wilson_intervals_equal_r_prop_test_without_continuity_correction() {
        ResultTable<OutcomeFunnel.ChargeRow> t = funnel.table(OutcomeFunnel.TRAFFICKING_CHARGE_TABLE);
        StringBuilder script = new StringBuilder();
        for (int r = 0; r < t.rowCount(); r++) {
            script.append(String.format(
                    Locale.ROOT,
                    "ci <- prop.test(%d, %d, correct = FALSE)$conf.int; cat(sprintf('%%.15g\\n', ci))%n",
                    t.row(r).share().n(),
                    t.row(r).share().denominator()));
        }
        double[] r = Oracles.numbers(Oracles.r(script.toString()));
        for (int i = 0; i < t.rowCount(); i++) {
            assertThat(t.row(i).share().wilsonLow()).isCloseTo(r[2 * i], within(R_TOLERANCE));
            assertThat(t.row(i).share().wilsonHigh()).isCloseTo(r[2 * i + 1], within(R_TOLERANCE));
        }
    }

    @Test
    void suspects_not_prosecuted_count_as_not_charged_rather_than_missing() {
        ShareCells row =
                stage(funnel.table(OutcomeFunnel.SUSPECT_BY_TYPE), OutcomeFunnel.ALL, OutcomeFunnel.TRAFFICKING_CHARGE);
        long suspects = Oracles.count(snapshot, "SELECT count(*) FROM {suspect}");
        assertThat(row.denominator()).isEqualTo(suspects);
        assertThat(row.excluded()).isZero();
        assertThat(row.n())
                .isEqualTo(Oracles.count(
                        snapshot, "SELECT count(*) FROM {suspect} WHERE S_PROSECUTED = 1 AND S_HT_CHARGED = 1"));
    }

    @Test
    void every_task_force_with_cases_has_its_own_funnel_and_the_sites_add_up_to_all() {
        ResultTable<OutcomeFunnel.StageRow> t = funnel.table(OutcomeFunnel.CASE_BY_SITE);
        long sites = Oracles.count(snapshot, "SELECT count(DISTINCT TF_ID) FROM {case}");
        assertThat(t.rowCount()).isEqualTo((sites + 1) * 7);
        long sum = 0;
        for (OutcomeFunnel.StageRow r : t.rows()) {
            if (r.stage().equals(OutcomeFunnel.PROSECUTION) && !r.group().equals(OutcomeFunnel.ALL))
                sum += r.share().n();
        }
        assertThat(sum)
                .isEqualTo(
                        stage(t, OutcomeFunnel.ALL, OutcomeFunnel.PROSECUTION).n());
    }

    @Test
    void every_stage_is_a_subset_of_the_stage_before_it_on_its_path() {
        java.util.Map<String, String> previous = java.util.Map.of(
                OutcomeFunnel.ARREST, OutcomeFunnel.INVESTIGATION,
                OutcomeFunnel.PROSECUTION, OutcomeFunnel.ARREST,
                OutcomeFunnel.TRAFFICKING_CHARGE, OutcomeFunnel.PROSECUTION,
                OutcomeFunnel.HT_CONVICTION, OutcomeFunnel.TRAFFICKING_CHARGE,
                OutcomeFunnel.CONVICTION, OutcomeFunnel.PROSECUTION,
                OutcomeFunnel.SENTENCE, OutcomeFunnel.CONVICTION);
        int checked = 0;
        for (var key : java.util.List.of(
                OutcomeFunnel.CASE_BY_TYPE,
                OutcomeFunnel.CASE_BY_SITE,
                OutcomeFunnel.SUSPECT_BY_TYPE,
                OutcomeFunnel.SUSPECT_BY_SITE)) {
            ResultTable<OutcomeFunnel.StageRow> t = funnel.table(key);
            for (OutcomeFunnel.StageRow r : t.rows()) {
                String prev = previous.get(r.stage());
                if (prev == null) continue;
                ShareCells before = stage(t, r.group(), prev);
                assertThat(r.share().n())
                        .as("%s %s %s", key.id(), r.group(), r.stage())
                        .isLessThanOrEqualTo(before.n());
                if (before.n() > 0 && r.share().excluded() == 0 && before.excluded() == 0)
                    assertThat(r.pctOfPrevious()).isCloseTo((double) r.share().n() / before.n(), within(1e-12));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void the_headline_trafficking_charge_share_has_the_design_based_interval_of_r_survey() {
        ShareCells all = funnel.table(OutcomeFunnel.TRAFFICKING_CHARGE_TABLE)
                .first(r -> r.level().equals("Cases") && r.denominator().equals(OutcomeFunnel.OF_ALL_SEX))
                .orElseThrow()
                .share();
        // every case with its task force and, for sex-trafficking cases, whether a prosecuted suspect was charged
        List<String[]> rows = Oracles.rows(
                snapshot,
                "SELECT c.TF_ID, CASE WHEN c.HT_TYPE <> 1 THEN 'NA' WHEN EXISTS (SELECT 1 FROM {suspect} s WHERE "
                        + "s.CASE_ID = c.CASE_ID AND s.S_PROSECUTED = 1 AND s.S_HT_CHARGED = 1) THEN '1' ELSE '0' END "
                        + "FROM {case} c ORDER BY c.CASE_ID");
        StringBuilder tf = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (String[] r : rows) {
            tf.append(tf.length() == 0 ? "" : ",").append('"').append(r[0]).append('"');
            y.append(y.length() == 0 ? "" : ",").append(r[1]);
        }
        double[] r = Oracles.numbers(Oracles.r("suppressPackageStartupMessages(library(survey))\n"
                + "d <- data.frame(tf = c(" + tf + "), y = c(" + y + "), w = 1)\n"
                + "des <- svydesign(ids = ~tf, weights = ~w, data = d)\n"
                + "ci <- svyciprop(~I(y == 1), subset(des, !is.na(y)), method = 'logit')\n"
                + "cat(sprintf('%.15g\\n', c(coef(ci), attr(ci, 'ci'))))\n"));
        assertThat(all.pct()).isCloseTo(r[0], within(R_TOLERANCE));
        assertThat(all.ciLow()).isCloseTo(r[1], within(T_QUANTILE));
        assertThat(all.ciHigh()).isCloseTo(r[2], within(T_QUANTILE));
        // the cluster-aware interval is wider than Wilson's, which treats cases as independent
        assertThat(all.ciHigh() - all.ciLow()).isGreaterThan(all.wilsonHigh() - all.wilsonLow());
    }

    @Test
    void with_the_frames_of_the_recorded_draw_the_share_is_weighted_as_r_survey_weights_it() {
        // frames: each task force's case list, here coded cases x (8 + task-force number): fractions 1/9 to 1/18
        List<String[]> coded =
                Oracles.rows(snapshot, "SELECT TF_ID, count(*) FROM {case} GROUP BY TF_ID ORDER BY TF_ID");
        java.util.Map<String, Long> frames = new java.util.HashMap<>();
        for (int k = 0; k < coded.size(); k++) frames.put(coded.get(k)[0], Long.parseLong(coded.get(k)[1]) * (9 + k));
        ShareCells weighted = new OutcomeFunnel()
                .run(StudyData.load(snapshot), AnalysisSettings.defaults().withFrames(frames))
                .table(OutcomeFunnel.TRAFFICKING_CHARGE_TABLE)
                .first(r -> r.level().equals("Cases") && r.denominator().equals(OutcomeFunnel.OF_ALL_SEX))
                .orElseThrow()
                .share();
        List<String[]> rows = Oracles.rows(
                snapshot,
                "SELECT c.TF_ID, CASE WHEN c.HT_TYPE <> 1 THEN 'NA' WHEN EXISTS (SELECT 1 FROM {suspect} s WHERE "
                        + "s.CASE_ID = c.CASE_ID AND s.S_PROSECUTED = 1 AND s.S_HT_CHARGED = 1) THEN '1' ELSE '0' END "
                        + "FROM {case} c ORDER BY c.CASE_ID");
        StringBuilder tf = new StringBuilder();
        StringBuilder y = new StringBuilder();
        StringBuilder w = new StringBuilder();
        for (String[] r : rows) {
            long n = coded.stream()
                    .filter(c -> c[0].equals(r[0]))
                    .mapToLong(c -> Long.parseLong(c[1]))
                    .sum();
            tf.append(tf.length() == 0 ? "" : ",").append('"').append(r[0]).append('"');
            y.append(y.length() == 0 ? "" : ",").append(r[1]);
            w.append(w.length() == 0 ? "" : ",")
                    .append(frames.get(r[0]))
                    .append("/")
                    .append(n);
        }
        double[] r = Oracles.numbers(Oracles.r("suppressPackageStartupMessages(library(survey))\n"
                + "d <- data.frame(tf = c(" + tf + "), y = c(" + y + "), w = c(" + w + "))\n"
                + "des <- svydesign(ids = ~tf, weights = ~w, data = d)\n"
                + "ci <- svyciprop(~I(y == 1), subset(des, !is.na(y)), method = 'logit')\n"
                + "cat(sprintf('%.15g\\n', c(coef(ci), attr(ci, 'ci'))))\n"));
        assertThat(weighted.pct()).isCloseTo(r[0], within(R_TOLERANCE));
        assertThat(weighted.ciLow()).isCloseTo(r[1], within(T_QUANTILE));
        assertThat(weighted.ciHigh()).isCloseTo(r[2], within(T_QUANTILE));
        assertThat(weighted.pct()).isNotEqualTo(weighted.unweightedPct());
    }

    private static ShareCells stage(ResultTable<OutcomeFunnel.StageRow> t, String group, String stage) {
        return t.first(r -> r.group().equals(group) && r.stage().equals(stage))
                .orElseThrow()
                .share();
    }
}
