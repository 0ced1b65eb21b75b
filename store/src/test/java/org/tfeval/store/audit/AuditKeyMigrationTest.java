package org.tfeval.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.testkit.PostgresExtension;

/** A study whose log was written before the audit key existed: keyed from its first sealed event on. */
@ExtendWith(PostgresExtension.class)
class AuditKeyMigrationTest {
    @TempDir
    Path dir;

    private static AuditEntry entry(String action) {
        return new AuditEntry("ann", action, null, null, "{}");
    }

    @Test
    void legacy_events_verify_and_are_sealed_by_the_first_keyed_event(ConnectionSettings db) throws Exception {
        Store legacy = Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.builtIn("ecm"));
        legacy.tx(c -> AuditLog.record(c, entry("old1")));
        legacy.tx(c -> AuditLog.record(c, entry("old2")));

        AuditSeal seal = AuditSeal.open(dir.resolve("audit.key"), List.of(dir.resolve("audit-anchor.log")), true);
        Store keyed = legacy.withSeal(seal);
        try (Connection c = keyed.connect()) {
            assertThat(AuditLog.verify(c))
                    .as("plain events before any keyed one are accepted")
                    .isEmpty();
        }
        AuditEvent first = keyed.tx(c -> AuditLog.record(c, entry("audit_keyed")));
        assertThat(seal.anchored()).containsOnlyKeys(first.seq());

        try (Connection c = keyed.connect();
                Statement st = c.createStatement()) {
            assertThat(AuditLog.verify(c)).isEmpty();
            // rewrite a legacy event and re-hash the legacy part: the keyed event no longer follows it
            c.setAutoCommit(false);
            st.execute("SET session_replication_role = replica");
            st.execute("UPDATE audit_event SET actor = 'mallory' WHERE action = 'old2'");
            AuditEvent old2 = AuditLog.events(c, 0, Long.MAX_VALUE).get(1);
            st.execute("UPDATE audit_event SET hash = '" + AuditLog.hash(old2) + "' WHERE action = 'old2'");
            c.commit();
            assertThat(AuditLog.verify(c))
                    .anySatisfy(p -> assertThat(p).contains("event " + first.seq() + ": does not follow"));
        }
    }

    @Test
    void a_missing_key_is_refused_once_events_are_anchored() throws Exception {
        Path key = dir.resolve("audit.key");
        Path anchor = dir.resolve("audit-anchor.log");
        AuditSeal.open(key, List.of(anchor), true);
        Files.writeString(anchor, "7 " + "a".repeat(64) + "\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(key);
        assertThatThrownBy(() -> AuditSeal.open(key, List.of(anchor), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("restore the key file");
        assertThat(key).doesNotExist();
    }
}
