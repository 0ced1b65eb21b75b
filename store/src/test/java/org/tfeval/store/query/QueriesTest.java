package org.tfeval.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class QueriesTest {
    private Store store;
    private Connection c;

    @BeforeEach
    void open(ConnectionSettings db) throws SQLException {
        store = Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.builtIn("ecm"));
        c = store.connect();
        try (Statement st = c.createStatement()) {
            st.execute(
                    "INSERT INTO coding_case (case_id, tf_id, created_at, created_by) VALUES ('TF01-C0001', 'TF01', now(), 't')");
        }
    }

    private DataQuery open() throws SQLException {
        return Queries.open(
                c,
                "TF01-C0001",
                "TF01",
                "victim",
                "TF01-C0001-V1",
                "V_AGE",
                DataQuery.Origin.COORDINATOR,
                null,
                "SENTINEL-7 says the age is wrong",
                "cora");
    }

    @Test
    void a_query_moves_open_answered_closed_with_its_thread_and_blocks_a_snapshot_until_closed() throws SQLException {
        DataQuery q = open();
        assertThat(OpenQueries.count(store)).isEqualTo(1);

        Queries.post(c, q.id(), "ann", false, "Checked the file: 34.", QueryStatus.ANSWERED);
        assertThat(OpenQueries.count(store))
                .as("an answered query still blocks")
                .isEqualTo(1);
        DataQuery closed = Queries.post(c, q.id(), "cora", true, "Thanks.", QueryStatus.CLOSED);

        assertThat(closed.status()).isEqualTo(QueryStatus.CLOSED);
        assertThat(Queries.messages(c, q.id()))
                .extracting(QueryMessage::author, QueryMessage::statusAfter)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cora", QueryStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple("ann", QueryStatus.ANSWERED),
                        org.assertj.core.groups.Tuple.tuple("cora", QueryStatus.CLOSED));
        assertThat(OpenQueries.count(store)).isZero();
        assertThat(AuditLog.events(c, 0, Long.MAX_VALUE))
                .extracting(e -> e.action())
                .containsExactly("query_open", "query_answered", "query_closed");
        assertThat(AuditLog.events(c, 0, Long.MAX_VALUE))
                .allSatisfy(e -> assertThat(e.detail()).doesNotContain("SENTINEL-7"));
    }

    @Test
    void a_coder_cannot_close_a_query_and_nobody_but_a_coordinator_reopens_a_closed_one() throws SQLException {
        DataQuery q = open();
        assertThatThrownBy(() -> Queries.post(c, q.id(), "ann", false, "done", QueryStatus.CLOSED))
                .hasMessageContaining("cannot move");
        Queries.post(c, q.id(), "cora", true, "withdrawn", QueryStatus.CLOSED);
        assertThatThrownBy(() -> Queries.post(c, q.id(), "ann", false, "but", QueryStatus.CLOSED))
                .hasMessageContaining("cannot move");
        assertThat(Queries.post(c, q.id(), "cora", true, "again", QueryStatus.OPEN)
                        .status())
                .isEqualTo(QueryStatus.OPEN);
        assertThatThrownBy(() -> Queries.post(c, q.id(), "cora", true, " ", QueryStatus.OPEN))
                .hasMessageContaining("empty");
    }

    @Test
    void unsettled_queries_are_listed_by_task_force() throws SQLException {
        open();
        assertThat(Queries.unsettled(c, List.of("TF01"))).hasSize(1);
        assertThat(Queries.unsettled(c, List.of("TF02"))).isEmpty();
        assertThat(Queries.unsettled(c, null)).hasSize(1);
    }
}
