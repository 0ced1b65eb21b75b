package org.tfeval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.imports.Importer;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class ImportEdgeTest {
    private static final String SENTINEL = "SENTINEL-7f3a-PERSONAL";
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");
    private final Fixtures fx = new Fixtures(ecm);
    private Store store;
    private ConnectionSettings db;

    @TempDir
    Path dir;

    @BeforeEach
    void open(ConnectionSettings settings) {
        db = settings;
        store = Store.open(settings, Store.DEFAULT_SCHEMA, ecm);
    }

    @Test
    void imports_xlsx_with_numbers_and_date_cells() throws Exception {
        Path xlsx = dir.resolve("task_forces.xlsx");
        Map<String, String> rec =
                fx.record("task_force", Map.of("TF_ID", "TFX", "TF_NAME", "Synthetic X", "TF_STATE", "NM"));
        List<String> names = new ArrayList<>(rec.keySet());
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("task_force");
            for (int c = 0; c < names.size(); c++) {
                ws.value(0, c, names.get(c));
                String v = rec.get(names.get(c));
                if (v.matches("-?\\d+")) ws.value(1, c, Integer.parseInt(v));
                else ws.value(1, c, v);
            }
            wb.finish();
        }
        ImportResult r = Importer.of(store).importFile("task_force", xlsx);
        assertThat(r.violations()).isEmpty();
        assertThat(r.inserted()).isEqualTo(1);
        // a date typed as a date in Excel arrives as YYYY-MM-DD
        Path cases = dir.resolve("cases.xlsx");
        Map<String, String> c = fx.record(
                "case",
                Map.of(
                        "CASE_ID",
                        "TFX-C1",
                        "TF_ID",
                        "TFX",
                        "CASE_OPEN_DATE",
                        "2018-01-01",
                        "CASE_CLOSE_DATE",
                        "2019-01-01",
                        "INCIDENT_DATE",
                        "2017-06-15"));
        List<String> cn = new ArrayList<>(c.keySet());
        try (OutputStream out = Files.newOutputStream(cases)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("case");
            for (int i = 0; i < cn.size(); i++) {
                ws.value(0, i, cn.get(i));
                String v = c.get(cn.get(i));
                if (cn.get(i).endsWith("_DATE")) {
                    ws.value(1, i, LocalDate.parse(v));
                    ws.style(1, i).format("yyyy-mm-dd").set();
                } else if (v.matches("-?\\d+")) {
                    ws.value(1, i, Integer.parseInt(v));
                } else {
                    ws.value(1, i, v);
                }
            }
            wb.finish();
        }
        ImportResult rc = Importer.of(store).importFile("case", cases);
        assertThat(rc.violations()).isEmpty();
        try (Connection conn = store.connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT incident_date FROM d_case WHERE case_id = 'TFX-C1'")) {
            rs.next();
            assertThat(rs.getDate(1).toLocalDate()).isEqualTo(LocalDate.of(2017, 6, 15));
        }
    }

    @Test
    void an_import_interrupted_halfway_leaves_the_store_as_it_was() throws Exception {
        Path tf = Fixtures.csv(
                dir,
                "tf.csv",
                List.of(fx.record("task_force", Map.of("TF_ID", "TFA", "TF_NAME", "A", "TF_STATE", "TX"))));
        Importer.of(store).importFile("task_force", tf);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) rows.add(fx.record("case", Map.of("CASE_ID", "TFA-C" + i, "TF_ID", "TFA")));
        Path cases = Fixtures.csv(dir, "cases.csv", rows);
        long eventsBefore = count("audit_event");
        assertThatThrownBy(() -> Importer.of(store)
                        .withProgress((task, done, total) -> {
                            if (task.startsWith("merge")) throw new IllegalStateException("killed");
                        })
                        .importFile("case", cases))
                .hasMessage("killed");
        assertThat(count("d_case")).isZero();
        assertThat(count("audit_change")).isEqualTo(1);
        assertThat(count("audit_event")).isEqualTo(eventsBefore);
    }

    @Test
    void database_errors_never_echo_values(ConnectionSettings ignored) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id text PRIMARY KEY)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                ps.setString(1, SENTINEL);
                ps.executeUpdate();
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, ps::executeUpdate);
                assertThat(e.getSQLState()).isEqualTo("23505");
                StringBuilder all = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) all.append(t).append('\n');
                assertThat(all.toString()).doesNotContain(SENTINEL);
            }
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
