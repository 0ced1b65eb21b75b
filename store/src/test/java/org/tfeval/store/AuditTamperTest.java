package org.tfeval.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.audit.AuditReplay;
import org.tfeval.store.audit.AuditSeal;
import org.tfeval.store.imports.Importer;
import org.tfeval.testkit.PostgresExtension;

/** The attacks of issue 13 item 2, performed on a keyed and anchored audit log. */
@ExtendWith(PostgresExtension.class)
class AuditTamperTest {
    private static final String SENTINEL = "SENTINEL-audit-4c1d";
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");
    private final Fixtures fx = new Fixtures(ecm);
    private Store store;

    @TempDir
    Path dir;

    @BeforeEach
    void open(ConnectionSettings db) throws Exception {
        AuditSeal seal = AuditSeal.open(dir.resolve("audit.key"), List.of(dir.resolve("audit-anchor.log")), true);
        store = Store.open(db, Store.DEFAULT_SCHEMA, ecm).withSeal(seal);
        Importer.of(store)
                .importFile(
                        "task_force",
                        Fixtures.csv(
                                dir,
                                "tf.csv",
                                List.of(fx.record(
                                        "task_force", Map.of("TF_ID", "TFA", "TF_NAME", "A", "TF_STATE", "TX")))));
        List<Map<String, String>> cases = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            cases.add(fx.record(
                    "case",
                    Map.of(
                            "CASE_ID", "TFA-C" + i,
                            "TF_ID", "TFA",
                            "CASE_OPEN_DATE", "2018-01-02",
                            "CASE_CLOSE_DATE", "2019-03-01",
                            "INCIDENT_DATE", "2017-12-01",
                            "NARRATIVE", "narrative " + i)));
        }
        Importer.of(store).importFile("case", Fixtures.csv(dir, "case.csv", cases));
        store.tx(c -> AuditLog.record(c, new AuditEntry("ann", "snapshot", null, "a reason", "{}")));
    }

    @Test
    void the_key_is_created_owner_only_and_every_committed_event_is_anchored() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit.key"))))
                .isEqualTo("rw-------");
        try (Connection c = store.connect()) {
            assertThat(store.seal().anchored()).hasSize(3);
            assertThat(AuditLog.verify(c)).isEmpty();
            assertThat(AuditReplay.compare(c, ecm)).isEmpty();
        }
    }

    @Test
    void an_event_rewritten_and_the_chain_rehashed_with_plain_sha256_is_detected() throws Exception {
        try (Connection c = store.connect();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET session_replication_role = replica");
            st.execute("UPDATE audit_event SET actor = 'mallory', reason = 'nothing to see' WHERE action = 'snapshot'");
            rehashWithSha256(c);
            c.commit();
            assertThat(AuditLog.verify(c))
                    .anySatisfy(p -> assertThat(p).contains("event 3 (snapshot): carries a plain SHA-256 hash"))
                    .anySatisfy(p -> assertThat(p).contains("anchored outside"));
        }
    }

    @Test
    void deleting_the_last_events_is_detected_as_truncation() throws Exception {
        try (Connection c = store.connect();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET session_replication_role = replica");
            st.execute("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)");
            c.commit();
            assertThat(AuditLog.verify(c)).anySatisfy(p -> assertThat(p).contains("truncated"));
        }
    }

    @Test
    void a_direct_sql_edit_of_study_data_is_reported_by_record_and_variable_never_by_value() throws Exception {
        try (Connection c = store.connect();
                Statement st = c.createStatement()) {
            String table = store.table("case").table();
            st.execute(
                    "UPDATE " + table + " SET narrative = '" + SENTINEL + "', n_agencies = 9 WHERE case_id = 'TFA-C2'");
            st.execute("DELETE FROM " + table + " WHERE case_id = 'TFA-C3'");
            List<String> problems = AuditReplay.compare(c, ecm);
            assertThat(problems)
                    .contains(
                            "case TFA-C2 NARRATIVE: differs from the last audited value (changed by direct SQL)",
                            "case TFA-C2 N_AGENCIES: differs from the last audited value (changed by direct SQL)")
                    .anySatisfy(p -> assertThat(p).startsWith("case TFA-C3: the audit log stores this record"))
                    .noneSatisfy(p -> assertThat(p).contains(SENTINEL));
            assertThat(AuditLog.verify(c)).as("the chain itself is intact").isEmpty();
        }
    }

    @Test
    void a_rolled_back_event_is_never_anchored() throws Exception {
        int before = store.seal().anchored().size();
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            AuditLog.record(c, new AuditEntry("ann", "draft", null, null, "{}"));
            c.rollback();
            assertThat(store.seal().anchored()).hasSize(before);
            assertThat(AuditLog.verify(c)).isEmpty();
        }
    }

    /** The old attack: recompute every hash of the chain with plain SHA-256, as the old code did. */
    private static void rehashWithSha256(Connection c) throws Exception {
        String prev = "0".repeat(64);
        List<Object[]> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT seq, at, actor, action, form, reason, detail, changes, "
                        + "changes_digest FROM audit_event ORDER BY seq")) {
            while (rs.next()) {
                rows.add(new Object[] {
                    rs.getLong(1),
                    rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getLong(8),
                    rs.getString(9)
                });
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            for (Object[] r : rows) {
                String text = String.join(
                        "\n",
                        prev,
                        r[0].toString(),
                        r[1].toString(),
                        (String) r[2],
                        (String) r[3],
                        String.valueOf(r[4]),
                        String.valueOf(r[5]),
                        (String) r[6],
                        r[7].toString(),
                        (String) r[8]);
                String h = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                ps.setString(1, prev);
                ps.setString(2, h);
                ps.setLong(3, (Long) r[0]);
                ps.executeUpdate();
                prev = h;
            }
        }
    }
}
