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
        ResultTable t = new SampleDescription().run(data, AnalysisSettings.defaults()).table("sites");
        for (String[] r : Oracles.rows(snapshot, "SELECT t.TF_ID, (SELECT count(*) FROM {case} c WHERE c.TF_ID = t.TF_ID), "
                + "(SELECT count(*) FROM {victim} v WHERE v.TF_ID = t.TF_ID), (SELECT count(*) FROM {suspect} s WHERE s.TF_ID = t.TF_ID) "
                + "FROM {task_force} t")) {
            int row = t.row("task_force", r[0]);
            assertThat(t.count(row, "cases")).isEqualTo(Long.parseLong(r[1]));
            assertThat(t.count(row, "victims")).isEqualTo(Long.parseLong(r[2]));
            assertThat(t.count(row, "suspects")).isEqualTo(Long.parseLong(r[3]));
        }
        int all = t.row("task_force", SampleDescription.ALL);
        assertThat(t.count(all, "cases")).isEqualTo(snapshot.rows().get("case"));
    }

    @Test
    void how_samples_were_drawn_is_counted_by_task_force() {
        ResultTable t = new SampleDescription().run(data, AnalysisSettings.defaults()).table("sampling");
        long byPointPerson = Oracles.count(snapshot, "SELECT count(*) FROM {task_force} WHERE TF_SAMPLE_DRAWN_BY = 2");
        assertThat(t.count(t.row("variable", "Who drew the case sample", "value", "Task-force point person"), "task_forces")).isEqualTo(byPointPerson);
        long paper = Oracles.count(snapshot, "SELECT count(*) FROM {task_force} WHERE TF_FILE_MODE = 2");
        assertThat(t.count(t.row("variable", "Case-file mode", "value", "Paper files coded on site"), "task_forces")).isEqualTo(paper);
    }

    @Test
    void survivor_demographics_leave_missing_codes_out_and_count_them() {
        ResultTable t = new Survivors().run(data, AnalysisSettings.defaults()).table("demographics");
        int row = t.row("variable", "Race", "category", "Black or African American");
        long known = Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_RACE > 0");
        long missing = Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_RACE < 0");
        assertThat(t.count(row, "denominator")).isEqualTo(known);
        assertThat(t.count(row, "excluded")).isEqualTo(missing);
        assertThat(t.count(row, "n")).isEqualTo(Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_RACE = 2"));
    }

    @Test
    void a_survivor_who_was_not_arrested_counts_as_not_charged() {
        ResultTable t = new Survivors().run(data, AnalysisSettings.defaults()).table("treatment");
        int row = t.row("type", "All", "measure", "Victim charged");
        assertThat(t.count(row, "denominator")).isEqualTo(Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_ARRESTED IN (0, 1)"));
        assertThat(t.count(row, "n")).isEqualTo(Oracles.count(snapshot, "SELECT count(*) FROM {victim} WHERE V_ARRESTED = 1 AND V_CHARGED = 1"));
    }
}
