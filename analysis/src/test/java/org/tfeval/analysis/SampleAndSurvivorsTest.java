package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.snapshot.Snapshot;

/** Sample description and survivors. Oracle: SQL over the Parquet files. */
class SampleAndSurvivorsTest {
    static Snapshot snapshot;
    static StudyData data;

    @BeforeAll
    static void load() {
        snapshot = SyntheticSnapshots.standard();
        data = StudyData.load(snapshot);
    }

    @Test
    void sites_table_counts_cases_survivors_and_suspects_per_task_force() {
        ResultTable<SampleDescription.SiteRow> t =
                new SampleDescription().run(data, AnalysisSettings.defaults()).table(SampleDescription.SITES);
        for (String[] r : Oracles.rows(
                snapshot,
                "SELECT t.TF_ID, (SELECT count(*) FROM {case} c WHERE c.TF_ID = t.TF_ID), "
                        + "(SELECT count(*) FROM {victim} v WHERE v.TF_ID = t.TF_ID), (SELECT count(*) FROM {suspect} s WHERE s.TF_ID = t.TF_ID) "
                        + "FROM {task_force} t")) {
            SampleDescription.SiteRow row =
                    t.first(x -> x.taskForce().equals(r[0])).orElseThrow();
            assertThat(row.cases()).isEqualTo(Long.parseLong(r[1]));
            assertThat(row.victims()).isEqualTo(Long.parseLong(r[2]));
            assertThat(row.suspects()).isEqualTo(Long.parseLong(r[3]));
        }
        assertThat(t.first(x -> x.taskForce().equals(SampleDescription.ALL))
                        .orElseThrow()
                        .cases())
                .isEqualTo(snapshot.rows().get("case"));
    }

    @Test
    void how_samples_were_drawn_is_counted_by_task_force() {
        ResultTable<SampleDescription.SamplingRow> t =
                new SampleDescription().run(data, AnalysisSettings.defaults()).table(SampleDescription.SAMPLING);
        long byPointPerson = Oracles.count(snapshot, "SELECT count(*) FROM {task_force} WHERE TF_SAMPLE_DRAWN_BY = 2");
        assertThat(t.first(r -> r.variable().equals("Who drew the case sample")
                                && r.value().equals("Task-force point person"))
                        .orElseThrow()
                        .taskForces())
                .isEqualTo(byPointPerson);
        long paper = Oracles.count(snapshot, "SELECT count(*) FROM {task_force} WHERE TF_FILE_MODE = 2");
        assertThat(t.first(r -> r.variable().equals("Case-file mode")
                                && r.value().equals("Paper files coded on site"))
                        .orElseThrow()
                        .taskForces())
                .isEqualTo(paper);
    }

    @Test
    void survivor_demographics_leave_missing_codes_out_and_count_them() {
        ShareCells row = new Survivors()
                .run(data, AnalysisSettings.defaults())
                .table(Survivors.DEMOGRAPHICS_TABLE)
                .first(r -> r.variable().equals("Race") && r.category().equals("Black or African American"))
                .orElseThrow()
                .share();
        long known = Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_RACE > 0");
        long missing = Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_RACE < 0");
        assertThat(row.denominator()).isEqualTo(known);
        assertThat(row.excluded()).isEqualTo(missing);
        assertThat(row.n()).isEqualTo(Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_RACE = 2"));
    }

    @Test
    void a_survivor_who_was_not_arrested_counts_as_not_charged() {
        ShareCells row = new Survivors()
                .run(data, AnalysisSettings.defaults())
                .table(Survivors.TREATMENT_TABLE)
                .first(r -> r.group().equals("All") && r.measure().equals("Victim charged"))
                .orElseThrow()
                .share();
        assertThat(row.denominator())
                .isEqualTo(Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_ARRESTED IN (0, 1)"));
        assertThat(row.n())
                .isEqualTo(Oracles.count(
                        snapshot, "SELECT count(*) FROM {victim} WHERE V_ARRESTED = 1 AND V_CHARGED = 1"));
    }
}
