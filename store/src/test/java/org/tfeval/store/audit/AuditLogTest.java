package org.tfeval.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class AuditLogTest {
    private Store store;

    @BeforeEach
    void open(ConnectionSettings db) {
        store = Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.builtIn("ecm"));
    }

    private static AuditEntry entry(String action) {
        return new AuditEntry("ann", action, "victim", "a test", "{}");
    }

    @Test
    void an_event_holds_the_changes_its_writer_adds_in_order_and_chains_to_the_previous_one() throws SQLException {
        AuditEvent first = store.tx(c -> AuditLog.record(c, entry("first")));
        AuditEvent second = store.tx(c -> AuditLog.record(c, entry("second"), changes -> {
            changes.inserted("K1", "{\"A\":1}");
            changes.updated("K2", "{\"A\":1}", "{\"A\":2}");
            changes.deleted("K3", "{\"A\":3}");
            changes.detail("{\"rows\":3}");
        }));

        assertThat(second.changes()).isEqualTo(3);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.detail()).isEqualTo("{\"rows\":3}");
        try (Connection c = store.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ord, record_key, op FROM audit_change WHERE event_seq = "
                        + second.seq() + " ORDER BY ord")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
            assertThat(rows).containsExactly("1 K1 I", "2 K2 U", "3 K3 D");
            assertThat(AuditLog.verify(c)).isEmpty();
        }
    }

    @Test
    void a_writer_that_throws_leaves_no_event_and_its_transaction_rolls_back() throws SQLException {
        store.tx(c -> AuditLog.record(c, entry("before")));
        assertThatThrownBy(() -> store.tx(c -> AuditLog.record(c, entry("failed"), changes -> {
                    changes.inserted("K1", "{\"A\":1}");
                    throw new IllegalArgumentException("the work failed");
                })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the work failed");
        AuditEvent after = store.tx(c -> AuditLog.record(c, entry("after")));

        try (Connection c = store.connect()) {
            assertThat(AuditLog.events(c, 0, Long.MAX_VALUE))
                    .extracting(AuditEvent::action)
                    .containsExactly("before", "after");
            assertThat(after.changes()).isZero();
            assertThat(AuditLog.verify(c))
                    .as("the chain has no gap and no orphaned change")
                    .isEmpty();
        }
    }

    @Test
    void changes_cannot_be_added_once_the_event_is_recorded() throws SQLException {
        AuditLog.Changes[] kept = new AuditLog.Changes[1];
        store.tx(c -> AuditLog.record(c, entry("closed"), changes -> kept[0] = changes));
        assertThatThrownBy(() -> kept[0].inserted("K1", "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already recorded");
    }

    @Test
    void a_transaction_commits_when_its_work_returns_and_rolls_back_when_it_throws() throws SQLException {
        store.tx(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(
                        "INSERT INTO coding_case (case_id, tf_id, created_at, created_by) VALUES ('TF01-C0001', 'TF01', now(), 't')");
            }
        });
        assertThatThrownBy(() -> store.tx(c -> {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate(
                                "INSERT INTO coding_case (case_id, tf_id, created_at, created_by) VALUES ('TF01-C0002', 'TF01', now(), 't')");
                    }
                    throw new java.io.IOException("the file went away");
                }))
                .isInstanceOf(java.io.IOException.class);

        long cases = store.tx(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM coding_case")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(cases).isEqualTo(1);
    }
}
