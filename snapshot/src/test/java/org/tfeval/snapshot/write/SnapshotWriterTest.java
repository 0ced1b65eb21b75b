package org.tfeval.snapshot.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.snapshot.Manifest;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.synth.ProgressListener;
import org.tfeval.synth.StudyGenerator;

class SnapshotWriterTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");

    @TempDir
    Path dir;

    private Path generated() {
        Path data = dir.resolve("data");
        StudyGenerator.defaults()
                .withCases(80)
                .withSites(5)
                .withSeed(3)
                .withErrors(false)
                .generate(ecm, data, ProgressListener.none());
        return data;
    }

    private Snapshot write(Path data, Path snapshots, SnapshotWriter writer) {
        try (CsvStudy study = CsvStudy.load(ecm, data)) {
            return writer.write(snapshots, study.validation(), study).snapshot();
        }
    }

    @Test
    void every_dataset_is_parquet_with_derived_variables_from_their_children_and_hashes_in_the_manifest()
            throws Exception {
        Snapshot s = write(
                generated(),
                dir.resolve("snapshots"),
                SnapshotWriter.of(ecm).withActor("tester").withSynthetic(true));
        assertThat(s.rows()).containsEntry("case", 80L).containsKeys("task_force", "victim", "suspect", "offense");
        assertThat(s.verify()).isEmpty();
        assertThat(s.manifest().createdBy()).isEqualTo("tester");
        assertThat(s.manifest().synthetic()).isTrue();
        assertThat(s.manifest().validation().errors()).isZero();
        assertThat(s.manifest().instrument().id()).isEqualTo(ecm.id());
        assertThat(s.manifest().dataset("suspect").orElseThrow().columns())
                .contains("S_ARREST_DATE", "S_ARREST_DATE__MC");
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
    void the_same_data_gives_the_same_id_and_a_change_gives_a_new_one() throws Exception {
        Path data = generated();
        Snapshot a = write(data, dir.resolve("s1"), SnapshotWriter.of(ecm));
        Snapshot b = write(data, dir.resolve("s2"), SnapshotWriter.of(ecm).withActor("someone else"));
        assertThat(b.id()).isEqualTo(a.id());
        try (CsvStudy study = CsvStudy.load(ecm, data)) {
            assertThat(SnapshotWriter.of(ecm)
                            .write(dir.resolve("s1"), study.validation(), study)
                            .created())
                    .isFalse();
        }
        Path tf = data.resolve("task_force.csv");
        List<String> lines = Files.readAllLines(tf, StandardCharsets.UTF_8);
        Files.write(tf, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        Snapshot c = write(data, dir.resolve("s1"), SnapshotWriter.of(ecm));
        assertThat(c.id()).isNotEqualTo(a.id());
        assertThat(c.rows().get("task_force")).isEqualTo(a.rows().get("task_force") - 1);
    }

    @Test
    void validation_errors_need_allow_errors_which_is_recorded_and_part_of_the_id() throws Exception {
        Path data = generated();
        Path victims = data.resolve("victim.csv");
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(victims, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
        List<String> header = records.get(0).getParser().getHeaderNames();
        try (Writer out = Files.newBufferedWriter(victims, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        out,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(header.toArray(String[]::new))
                                .get())) {
            for (CSVRecord r : records) {
                List<String> cells = new ArrayList<>(r.toList());
                if (r.getRecordNumber() == 1) cells.set(header.indexOf("V_AGE"), "130"); // out of range
                printer.printRecord(cells);
            }
        }
        try (CsvStudy study = CsvStudy.load(ecm, data)) {
            assertThat(study.validation().errors()).isEqualTo(1);
            assertThatThrownBy(() -> SnapshotWriter.of(ecm).write(dir.resolve("snapshots"), study.validation(), study))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 validation errors");
            assertThat(dir.resolve("snapshots")).doesNotExist();
            Snapshot s = SnapshotWriter.of(ecm)
                    .withAllowErrors(true)
                    .write(dir.resolve("snapshots"), study.validation(), study)
                    .snapshot();
            assertThat(s.allowErrors()).isTrue();
            assertThat(s.manifest().validation().errors()).isEqualTo(1);
            assertThat(Files.readString(s.dir().resolve(Snapshot.MANIFEST))).contains("\"allow_errors\" : true");
        }
    }

    @Test
    void a_changed_file_is_detected_and_files_are_read_only() throws IOException {
        Snapshot s = write(generated(), dir.resolve("snapshots"), SnapshotWriter.of(ecm));
        Path parquet = s.dataset("victim");
        assertThat(Files.getPosixFilePermissions(parquet))
                .noneMatch(p -> p.name().contains("WRITE"));
        parquet.toFile().setWritable(true);
        Files.write(parquet, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        assertThat(s.verify()).containsExactly("victim.parquet");
    }

    @Test
    void the_id_is_the_hash_of_the_file_hashes_and_allow_errors() {
        List<Manifest.FileHash> files =
                List.of(new Manifest.FileHash("case.parquet", "ab"), new Manifest.FileHash("instrument.yaml", "cd"));
        assertThat(SnapshotWriter.id(files, false))
                .isEqualTo(org.tfeval.instrument.workflow.ContentHash.sha256(
                        "case.parquet ab\ninstrument.yaml cd\nallow_errors false\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(SnapshotWriter.id(files, true));
    }
}
