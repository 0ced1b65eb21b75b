package org.tfeval.store.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.snapshot.Manifest;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.write.CsvStudy;
import org.tfeval.snapshot.write.SnapshotWriter;
import org.tfeval.store.Store;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.synth.ProgressListener;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/**
 * The database-free path that test fixtures use ({@link CsvStudy} into the {@link SnapshotWriter})
 * freezes the same data as importing the same files into the store and taking a snapshot of it:
 * the same rows and values per dataset, byte for byte the same files, the same ID.
 */
@ExtendWith(PostgresExtension.class)
class SnapshotFromFilesTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");

    @TempDir
    Path dir;

    @Test
    void files_written_without_the_database_give_the_snapshot_the_store_gives(ConnectionSettings db) throws Exception {
        Path data = dir.resolve("data");
        StudyGenerator.defaults().withErrors(false).generate(ecm, data, ProgressListener.none());
        Store store = imported(db, data);
        Snapshot fromStore = SnapshotTaker.of(store)
                .take(dir.resolve("from-store"), StudyValidator.of(store).validate());
        Snapshot fromFiles;
        try (CsvStudy study = CsvStudy.load(ecm, data)) {
            assertThat(study.validation().errors()).isZero();
            fromFiles = SnapshotWriter.of(ecm)
                    .write(dir.resolve("from-files"), study.validation(), study)
                    .snapshot();
        }
        assertSameContent(fromStore, fromFiles);
    }

    @Test
    void coding_errors_edited_into_the_files_give_the_snapshot_of_the_same_edits_in_the_store(ConnectionSettings db)
            throws Exception {
        Path data = dir.resolve("data");
        StudyGenerator.defaults()
                .withCases(60)
                .withSites(3)
                .withSeed(5)
                .withErrors(false)
                .generate(ecm, data, ProgressListener.none());
        Store store = imported(db, data);
        CSVRecord victim = first(data.resolve("victim.csv"));
        CSVRecord kase = first(data.resolve("case.csv"));
        CSVRecord suspect = first(data.resolve("suspect.csv"));
        RecordEditor editor = new RecordEditor(store, "tester");
        editor.set("victim", List.of(victim.get("VICTIM_ID")), Map.of("V_AGE", "130"), "planted: out of range");
        editor.set(
                "case",
                List.of(kase.get("CASE_ID")),
                Map.of("LOCATION", "77", "CASE_OPEN_DATE", "2029-12-31"),
                "planted");
        editor.set(
                "suspect",
                List.of(suspect.get("SUSPECT_ID")),
                Map.of("S_ARRESTED", "-9"),
                "planted: a derived flag becomes unknown");
        setCell(data.resolve("victim.csv"), "VICTIM_ID", victim.get("VICTIM_ID"), "V_AGE", "130");
        setCell(data.resolve("case.csv"), "CASE_ID", kase.get("CASE_ID"), "LOCATION", "77");
        setCell(data.resolve("case.csv"), "CASE_ID", kase.get("CASE_ID"), "CASE_OPEN_DATE", "2029-12-31");
        setCell(data.resolve("suspect.csv"), "SUSPECT_ID", suspect.get("SUSPECT_ID"), "S_ARRESTED", "-9");
        Snapshot fromStore = SnapshotTaker.of(store)
                .withAllowErrors(true)
                .take(dir.resolve("from-store"), StudyValidator.of(store).validate());
        Snapshot fromFiles;
        try (CsvStudy study = CsvStudy.load(ecm, data)) {
            assertThat(study.validation().errors()).isPositive();
            fromFiles = SnapshotWriter.of(ecm)
                    .withAllowErrors(true)
                    .write(dir.resolve("from-files"), study.validation(), study)
                    .snapshot();
        }
        assertSameContent(fromStore, fromFiles);
    }

    private Store imported(ConnectionSettings db, Path data) {
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

    private void assertSameContent(Snapshot fromStore, Snapshot fromFiles) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            for (String form : ecm.formNames()) {
                String a = "read_parquet('" + fromStore.dataset(form) + "')";
                String b = "read_parquet('" + fromFiles.dataset(form) + "')";
                try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM " + a
                        + " EXCEPT ALL SELECT * FROM " + b + ")), " + "(SELECT count(*) FROM (SELECT * FROM " + b
                        + " EXCEPT ALL SELECT * FROM " + a + "))")) {
                    rs.next();
                    assertThat(rs.getLong(1))
                            .as(form + " rows only in the store's snapshot")
                            .isZero();
                    assertThat(rs.getLong(2))
                            .as(form + " rows only in the files' snapshot")
                            .isZero();
                }
            }
        }
        assertThat(fromFiles.rows()).isEqualTo(fromStore.rows());
        assertThat(fromFiles.manifest().datasets())
                .extracting(Manifest.Dataset::columns)
                .isEqualTo(fromStore.manifest().datasets().stream()
                        .map(Manifest.Dataset::columns)
                        .toList());
        assertThat(fromFiles.manifest().files()).isEqualTo(fromStore.manifest().files());
        assertThat(fromFiles.id()).isEqualTo(fromStore.id());
    }

    private static CSVRecord first(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords()
                    .get(0);
        }
    }

    /** Rewrites one cell of the record whose key is {@code id}. */
    private static void setCell(Path csv, String key, String id, String column, String value) throws IOException {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            header = p.getHeaderNames();
            for (CSVRecord r : p) {
                List<String> cells = new ArrayList<>(r.toList());
                if (cells.get(header.indexOf(key)).equals(id)) cells.set(header.indexOf(column), value);
                rows.add(cells);
            }
        }
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        out,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(header.toArray(String[]::new))
                                .get())) {
            for (List<String> r : rows) printer.printRecord(r);
        }
    }
}
