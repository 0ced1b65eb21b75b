package org.tfeval.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.schema.FormTable;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class SqlIdentifierInStoreTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");

    @Test
    void the_form_tables_name_every_table_and_column_through_the_quoting_function() {
        FormTable victim = new FormTable(ecm, ecm.form("victim"));
        assertThat(victim.table()).isEqualTo("\"d_victim\"");
        assertThat(victim.tableName()).isEqualTo("d_victim");
        assertThat(FormTable.column("V_AGE")).isEqualTo("\"v_age\"");
        assertThat(victim.createSql())
                .startsWith("CREATE TABLE \"d_victim\" (")
                .contains("\"v_age\" integer")
                .contains("REFERENCES \"d_case\" (\"case_id\")");
        assertThat(victim.columns())
                .allSatisfy(c -> assertThat(c).startsWith("\"").endsWith("\""));
        assertThat(victim.columnTypes().keySet())
                .as("the catalog's names, for migrations")
                .contains("v_age");
    }

    @Test
    void postgresql_takes_a_quoted_name_with_a_quote_and_a_space_as_one_identifier(ConnectionSettings db)
            throws SQLException {
        String table = "odd \"table\"; DROP TABLE x; --";
        String column = "a b";
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + SqlIdentifier.quote(table) + " (" + SqlIdentifier.quote(column) + " integer)");
            st.execute(
                    "INSERT INTO " + SqlIdentifier.quote(table) + " (" + SqlIdentifier.quote(column) + ") VALUES (7)");
            try (ResultSet rs =
                    st.executeQuery("SELECT " + SqlIdentifier.quote(column) + " FROM " + SqlIdentifier.quote(table))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE column_name = 'a b'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(table);
            }
        }
    }
}
