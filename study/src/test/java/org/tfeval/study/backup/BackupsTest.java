package org.tfeval.study.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/** Issue 13: backups encrypted with the operator's passphrase, verified on restore. */
class BackupsTest {
    private static final Passphrase PASSPHRASE = new Passphrase("correct horse battery staple");

    @TempDir
    static Path dir;

    private static ConnectionSettings db;
    private static Path studyDir;
    private static Path backup;

    @BeforeAll
    static void aStudyWithDataASnapshotAndABackup() throws Exception {
        db = PostgresExtension.freshDatabase();
        studyDir = dir.resolve("study");
        try (Study s = Study.create(studyDir, "ecm", true, url(db))) {
            Path data = s.folder().syntheticFiles();
            StudyGenerator.defaults()
                    .withCases(60)
                    .withSites(3)
                    .withErrors(false)
                    .generate(s.instrument(), data, org.tfeval.synth.ProgressListener.none());
            assertThat(s.importForms(data, "test", "test data", ProgressListener.NONE, r -> {}))
                    .isTrue();
            s.freeze(new Study.Freeze("test", false, "t"), ProgressListener.NONE);
            backup = dir.resolve("out/study.tfbackup");
            Files.createDirectories(backup.getParent());
            Backups.Contents c = Backups.backup(s, backup, PASSPHRASE, "operator");
            assertThat(c.files()).containsKey("tfeval-study.yaml").containsKey("instrument.yaml");
            assertThat(c.files().keySet()).anyMatch(f -> f.startsWith("snapshots/"));
            assertThat(c.files().keySet()).noneMatch(f -> f.startsWith("db/"));
        }
    }

    @Test
    void a_restored_study_has_every_table_row_the_audit_chain_and_the_files() throws Exception {
        Path restored = dir.resolve("restored");
        Backups.restore(backup, restored, PASSPHRASE);

        try (Study r = Study.open(restored, null)) {
            assertThat(r.databaseDisplay()).startsWith("embedded");
            assertThat(r.verifyAudit().intact()).isTrue();
            Map<String, List<String>> original = allRows(db);
            Map<String, List<String>> copy = allRows(r.store().settings());
            assertThat(copy.keySet()).isEqualTo(original.keySet());
            assertThat(original.values().stream().mapToInt(List::size).sum()).isGreaterThan(100);
            for (String table : original.keySet()) {
                assertThat(copy.get(table)).as(table).isEqualTo(original.get(table));
            }
            assertThat(r.folder().listSnapshots())
                    .singleElement()
                    .satisfies(sn -> assertThat(sn.verify()).isEmpty());
        }
        assertThat(files(restored)).isEqualTo(files(studyDir));
        assertThat(Files.readString(backup, StandardCharsets.ISO_8859_1))
                .as("the backup is encrypted")
                .doesNotContain("tfeval-study.yaml")
                .doesNotContain("CREATE TABLE");
    }

    @Test
    void a_tampered_backup_is_refused_and_nothing_is_written() throws Exception {
        byte[] b = Files.readAllBytes(backup);
        b[b.length / 2] ^= 1;
        Path tampered = Files.write(dir.resolve("tampered.tfbackup"), b);
        Path target = dir.resolve("from-tampered");

        assertThatThrownBy(() -> Backups.restore(tampered, target, PASSPHRASE))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("nothing was restored");
        assertThat(target).doesNotExist();
    }

    @Test
    void a_truncated_backup_is_refused_and_nothing_is_written() throws Exception {
        byte[] b = Files.readAllBytes(backup);
        Path cut = Files.write(dir.resolve("cut.tfbackup"), Arrays.copyOf(b, b.length - 100));
        Path target = dir.resolve("from-cut");

        assertThatThrownBy(() -> Backups.restore(cut, target, PASSPHRASE)).isInstanceOf(Problem.Refused.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void another_passphrase_opens_nothing() {
        Path target = dir.resolve("wrong-passphrase");
        assertThatThrownBy(() -> Backups.restore(backup, target, new Passphrase("another long passphrase")))
                .isInstanceOf(Problem.Refused.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void a_short_or_blank_passphrase_is_refused() {
        assertThatThrownBy(() -> new Passphrase("            ")).isInstanceOf(Problem.Usage.class);
        assertThatThrownBy(() -> new Passphrase("short")).isInstanceOf(Problem.Usage.class);
    }

    private static Map<String, List<String>> allRows(ConnectionSettings s) throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = s.connect();
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                List<String> list = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnName(i), rs.getString(i));
                        list.add(row.toString());
                    }
                }
                list.sort(null);
                rows.put(t, list);
            }
        }
        return rows;
    }

    private static Map<String, String> files(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("db") || !Files.isRegularFile(p)) continue;
                m.put(rel, ContentHash.sha256(p));
            }
        }
        return m;
    }

    static String url(ConnectionSettings db) {
        return db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
    }
}
