package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    void sex_trafficking_case_funnel_counts_equal_counts_taken_directly_from_the_parquet_files() {
        ResultTable<OutcomeFunnel.StageRow> t = funnel.table(OutcomeFunnel.CASE_BY_TYPE);
        long cases = Oracles.count(snapshot, "SELECT count(*) FROM {case} WHERE HT_TYPE = 1");
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.INVESTIGATION).n()).isEqualTo(cases);
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.ARREST).n()).isEqualTo(sexCasesWith("s.S_ARRESTED = 1"));
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.PROSECUTION).n())
                .isEqualTo(sexCasesWith("s.S_PROSECUTED = 1"));
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.TRAFFICKING_CHARGE).n())
                .isEqualTo(sexCasesWith("s.S_PROSECUTED = 1 AND s.S_HT_CHARGED = 1"));
        assertThat(stage(t, "Sex trafficking", OutcomeFunnel.CONVICTION).n())
                .isEqualTo(sexCasesWith("s.S_DISPOSITION IN (1, 2)"));
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
            assertThat(t.row(i).share().ciLow()).isCloseTo(r[2 * i], within(R_TOLERANCE));
            assertThat(t.row(i).share().ciHigh()).isCloseTo(r[2 * i + 1], within(R_TOLERANCE));
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
        assertThat(t.rowCount()).isEqualTo((sites + 1) * 6);
        long sum = 0;
        for (OutcomeFunnel.StageRow r : t.rows()) {
            if (r.stage().equals(OutcomeFunnel.PROSECUTION) && !r.group().equals(OutcomeFunnel.ALL))
                sum += r.share().n();
        }
        assertThat(sum)
                .isEqualTo(
                        stage(t, OutcomeFunnel.ALL, OutcomeFunnel.PROSECUTION).n());
    }

    private static ShareCells stage(ResultTable<OutcomeFunnel.StageRow> t, String group, String stage) {
        return t.first(r -> r.group().equals(group) && r.stage().equals(stage))
                .orElseThrow()
                .share();
    }
}
