package org.tfeval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.imports.Exporter;
import org.tfeval.store.imports.Importer;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class ImportTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");
    private final Fixtures fx = new Fixtures(ecm);
    private Store store;

    @TempDir
    Path dir;

    @BeforeEach
    void open(ConnectionSettings db) {
        store = Store.open(db, Store.DEFAULT_SCHEMA, ecm);
    }

    private Path taskForces() {
        return Fixtures.csv(
                dir,
                "tf.csv",
                List.of(
                        fx.record("task_force", Map.of("TF_ID", "TFA", "TF_NAME", "Synthetic A", "TF_STATE", "TX")),
                        fx.record("task_force", Map.of("TF_ID", "TFB", "TF_NAME", "Synthetic B", "TF_STATE", "OH"))));
    }

    private Path cases(int n) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(fx.record(
                    "case",
                    Map.of(
                            "CASE_ID",
                            "TFA-C" + i,
                            "TF_ID",
                            i % 2 == 0 ? "TFA" : "TFB",
                            "CASE_OPEN_DATE",
                            "2018-01-0" + (1 + i % 5),
                            "CASE_CLOSE_DATE",
                            "2019-03-01",
                            "INCIDENT_DATE",
                            "2017-12-01",
                            "NARRATIVE",
                            "a, \"quoted\"\nmulti-line narrative " + i)));
        }
        return Fixtures.csv(dir, "case.csv", rows);
    }

    @Test
    void imports_valid_files_and_reimport_changes_nothing() throws Exception {
        ImportResult tf = Importer.of(store).importFile("task_force", taskForces());
        assertThat(tf.stored()).isTrue();
        assertThat(tf.inserted()).isEqualTo(2);
        ImportResult c = Importer.of(store).importFile("case", cases(25));
        assertThat(c.violations()).isEmpty();
        assertThat(c.inserted()).isEqualTo(25);
        ImportResult again = Importer.of(store).importFile("case", dir.resolve("case.csv"));
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(25);
        assertThat(count("d_case")).isEqualTo(25);
    }

    @Test
    void export_then_import_into_a_fresh_study_round_trips_to_identical_data() throws Exception {
        Importer.of(store).importFile("task_force", taskForces());
        Importer.of(store).importFile("case", cases(12));
        Path out = dir.resolve("out-case.csv");
        assertThat(new Exporter(store).export("case", out)).isEqualTo(12);
        Path outTf = dir.resolve("out-tf.csv");
        new Exporter(store).export("task_force", outTf);
        Store fresh = Store.open(PostgresExtension.freshDatabase(), Store.DEFAULT_SCHEMA, ecm);
        assertThat(Importer.of(fresh).importFile("task_force", outTf).stored()).isTrue();
        assertThat(Importer.of(fresh).importFile("case", out).stored()).isTrue();
        Path again = dir.resolve("again.csv");
        new Exporter(fresh).export("case", again);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(out));
        assertThat(Files.readString(out)).contains("multi-line narrative 3");
    }

    @Test
    void reports_every_problem_and_stores_nothing() throws Exception {
        Importer.of(store).importFile("task_force", taskForces());
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(fx.record("case", Map.of("CASE_ID", "TFA-C1", "TF_ID", "TFA")));
        rows.add(fx.record("case", Map.of("CASE_ID", "TFA-C2", "TF_ID", "TFA", "ID_SOURCE", "42"))); // undocumented
        rows.add(fx.record("case", Map.of("CASE_ID", "TFA-C3", "TF_ID", "TFA", "N_AGENCIES", "900"))); // out of range
        rows.add(fx.record(
                "case", Map.of("CASE_ID", "TFA-C4", "TF_ID", "TFA", "CASE_OPEN_DATE", "2018-13-01"))); // bad date
        rows.add(fx.record(
                "case", Map.of("CASE_ID", "TFA-C5", "TF_ID", "TFA", "HT_TYPE", "2", "SEX_SUBTYPE", "1"))); // skip logic
        List<Violation> v = Importer.of(store)
                .importFile("case", Fixtures.csv(dir, "bad.csv", rows))
                .violations();
        assertThat(v)
                .extracting(Violation::code)
                .contains("undocumented_code", "out_of_range", "bad_date", "skip_not_applicable");
        assertThat(v).extracting(Violation::row).contains(2L, 3L, 4L, 5L);
        assertThat(v).allSatisfy(x -> assertThat(x.file()).isEqualTo("bad.csv"));
        assertThat(count("d_case")).isZero();
    }

    @Test
    void finds_duplicates_broken_links_and_unknown_columns() throws Exception {
        Importer.of(store).importFile("task_force", taskForces());
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(fx.record("case", Map.of("CASE_ID", "TFA-C1", "TF_ID", "TFA")));
        rows.add(fx.record("case", Map.of("CASE_ID", "TFA-C1", "TF_ID", "TFA")));
        rows.add(fx.record("case", Map.of("CASE_ID", "TFA-C2", "TF_ID", "TFZ")));
        ImportResult r = Importer.of(store).importFile("case", Fixtures.csv(dir, "dup.csv", rows));
        assertThat(r.violations()).extracting(Violation::code).contains("duplicate_id", "broken_link");
        List<Map<String, String>> victims = new ArrayList<>();
        var victim = new java.util.LinkedHashMap<>(
                fx.record("victim", Map.of("VICTIM_ID", "TFA-C9-V1", "CASE_ID", "TFA-C9", "TF_ID", "TFA")));
        victim.put("FAVOURITE_COLOUR", "blue");
        victims.add(victim);
        ImportResult rv = Importer.of(store).importFile("victim", Fixtures.csv(dir, "victims.csv", victims));
        assertThat(rv.violations()).extracting(Violation::code).contains("unknown_column");
        assertThat(rv.stored()).isFalse();
    }

    @Test
    void wrong_encoding_and_empty_files_get_a_clear_error() throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, ("TF_ID,TF_NAME\nTFA,Se\u00f1or\n").getBytes(StandardCharsets.ISO_8859_1));
        ImportResult r = Importer.of(store).importFile("task_force", latin1);
        assertThat(r.violations()).extracting(Violation::code).containsExactly("encoding");
        assertThat(r.violations().get(0).message()).contains("not UTF-8").contains("row 1");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertThat(Importer.of(store).importFile("task_force", empty).violations())
                .extracting(Violation::code)
                .containsExactly("empty_file");
        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(
                headerOnly, String.join(",", fx.record("task_force", Map.of()).keySet()) + "\n");
        assertThat(Importer.of(store).importFile("task_force", headerOnly).violations())
                .extracting(Violation::code)
                .containsExactly("no_rows");
        assertThatThrownBy(() -> Importer.of(store).importFile("task_force", dir.resolve("x.pdf")))
                .hasMessageContaining("no such file");
    }

    @Test
    void updates_are_audited_and_tampering_is_detected() throws Exception {
        Importer.of(store).importFile("task_force", taskForces());
        Path changed = Fixtures.csv(
                dir,
                "tf2.csv",
                List.of(fx.record(
                        "task_force",
                        Map.of("TF_ID", "TFA", "TF_NAME", "Synthetic A", "TF_STATE", "TX", "TF_N_MEMBERS", "77"))));
        ImportResult r = Importer.of(store).importFile("task_force", changed);
        assertThat(r.updated()).isEqualTo(1);
        try (Connection c = store.connect();
                Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery(
                    "SELECT old_value->>'tf_n_members', new_value->>'tf_n_members' FROM audit_change WHERE op = 'U'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("77");
            assertThat(AuditLog.verify(c)).isEmpty();
            assertThatThrownBy(() -> st.execute("UPDATE audit_change SET new_value = '{}'"))
                    .hasMessageContaining("append-only");
            st.execute("ALTER TABLE audit_change DISABLE TRIGGER audit_change_append_only");
            st.execute(
                    "UPDATE audit_change SET new_value = jsonb_set(new_value::jsonb, '{tf_n_members}', '5')::json WHERE op = 'U'");
            assertThat(AuditLog.verify(c)).anySatisfy(p -> assertThat(p).contains("record changes were altered"));
        }
    }

    private long count(String table) throws Exception {
        try (Connection c = store.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
