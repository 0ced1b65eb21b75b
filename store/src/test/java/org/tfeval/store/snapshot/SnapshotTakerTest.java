package org.tfeval.store.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.store.Store;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.synth.ProgressListener;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class SnapshotTakerTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");

    @TempDir
    Path dir;

    private Store study(ConnectionSettings db, Path data) {
        StudyGenerator.defaults()
                .withCases(80)
                .withSites(5)
                .withSeed(3)
                .withErrors(false)
                .generate(ecm, data, ProgressListener.none());
        Store store = Store.open(db, Store.DEFAULT_SCHEMA, ecm);
        for (String form : ecm.formNames()) {
            assertThat(Importer.of(store)
                            .importFile(form, data.resolve(form + ".csv"))
                            .stored())
                    .as(form)
                    .isTrue();
        }
        return store;
    }

    @Test
    void snapshot_holds_every_dataset_as_parquet_with_manifest_hashes(ConnectionSettings db) throws Exception {
        Store store = study(db, dir.resolve("data"));
        ValidationReport report = StudyValidator.of(store).validate();
        assertThat(report.passed()).isTrue();
        Snapshot s = SnapshotTaker.of(store).take(dir.resolve("snapshots"), report);
        assertThat(s.rows()).containsEntry("case", 80L).containsKeys("task_force", "victim", "suspect", "offense");
        assertThat(s.verify()).isEmpty();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            ResultSet rs =
                    st.executeQuery("SELECT count(*), sum(N_SUSPECTS) FROM read_parquet('" + s.dataset("case") + "')");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(80);
            long suspects = rs.getLong(2);
            rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + s.dataset("suspect") + "')");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(suspects);
            // derived flag equals the aggregate of the suspects it is derived from
            rs = st.executeQuery(
                    "SELECT count(*) FROM read_parquet('" + s.dataset("case") + "') c WHERE c.ANY_ARREST <> "
                            + "(SELECT CASE WHEN bool_or(S_ARRESTED = 1) THEN 1 ELSE 0 END FROM read_parquet('"
                            + s.dataset("suspect")
                            + "') x WHERE x.CASE_ID = c.CASE_ID) AND c.N_SUSPECTS > 0");
            rs.next();
            assertThat(rs.getLong(1)).isZero();
            rs = st.executeQuery("SELECT typeof(S_ARREST_DATE), typeof(S_ARREST_DATE__MC) FROM read_parquet('"
                    + s.dataset("suspect") + "') LIMIT 1");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("DATE");
            assertThat(rs.getString(2)).isEqualTo("SMALLINT");
        }
        assertThat(s.instrument().forms()).hasSize(8);
    }

    @Test
    void same_data_gives_the_same_id_and_a_change_gives_a_new_one(ConnectionSettings db) {
        Store store = study(db, dir.resolve("data"));
        Snapshot a = SnapshotTaker.of(store)
                .take(dir.resolve("s1"), StudyValidator.of(store).validate());
        Snapshot b = SnapshotTaker.of(store)
                .take(dir.resolve("s2"), StudyValidator.of(store).validate());
        assertThat(b.id()).isEqualTo(a.id());
        new RecordEditor(store, "tester")
                .set("task_force", List.of("TF01"), java.util.Map.of("TF_N_MEMBERS", "31"), "correction");
        Snapshot c = SnapshotTaker.of(store)
                .take(dir.resolve("s1"), StudyValidator.of(store).validate());
        assertThat(c.id()).isNotEqualTo(a.id());
    }

    @Test
    void refused_while_validation_errors_remain_unless_allowed_and_recorded(ConnectionSettings db) throws Exception {
        Store store = study(db, dir.resolve("data"));
        new RecordEditor(store, "tester").set("task_force", List.of("TF01"), java.util.Map.of("TF_SCOPE", "9"), "typo");
        ValidationReport report = StudyValidator.of(store).validate();
        assertThat(report.passed()).isFalse();
        assertThatThrownBy(() -> SnapshotTaker.of(store).take(dir.resolve("snapshots"), report))
                .isInstanceOf(SnapshotTaker.RefusedException.class)
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("1 errors");
        assertThat(dir.resolve("snapshots"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(),
                        p -> assertThat(Files.list(p)).isEmpty());
        Snapshot s = SnapshotTaker.of(store).withAllowErrors(true).take(dir.resolve("snapshots"), report);
        assertThat(s.allowErrors()).isTrue();
        assertThat(s.manifest().validation().errors()).isEqualTo(1);
    }

    @Test
    void a_changed_file_is_detected_and_files_are_read_only(ConnectionSettings db) throws Exception {
        Store store = study(db, dir.resolve("data"));
        Snapshot s = SnapshotTaker.of(store)
                .take(dir.resolve("snapshots"), StudyValidator.of(store).validate());
        Path parquet = s.dataset("victim");
        assertThat(Files.isWritable(parquet) && !"root".equals(System.getProperty("user.name")))
                .isFalse();
        assertThat(Files.getPosixFilePermissions(parquet))
                .noneMatch(p -> p.name().contains("WRITE"));
        parquet.toFile().setWritable(true);
        Files.write(parquet, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(s.verify()).containsExactly("victim.parquet");
    }
}
