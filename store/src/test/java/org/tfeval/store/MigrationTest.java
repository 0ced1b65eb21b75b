package org.tfeval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class MigrationTest {
    private final String source = InstrumentLoader.builtInSource("ecm");

    @Test
    void a_new_instrument_version_adds_its_variable_as_a_column_through_a_recorded_migration(ConnectionSettings db)
            throws Exception {
        Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.parse(source, "v1"));
        String v2 = source.replace("version: 1.0.0", "version: 1.1.0")
                .replace(
                        "      - {name: V_REL_SUSPECT,",
                        "      - {name: V_LANGUAGE, type: code, label: Primary language, values: {1: English, 2: Spanish, 3: Other}, disclosure: quasi, release: restricted}\n"
                                + "      - {name: V_REL_SUSPECT,");
        Instrument next = InstrumentLoader.parse(v2, "v2");
        Store store = Store.open(db, Store.DEFAULT_SCHEMA, next);
        try (Connection c = store.connect();
                Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'd_victim' AND column_name = 'v_language'");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            rs = st.executeQuery(
                    "SELECT version, description FROM instrument_schema_history WHERE success ORDER BY installed_rank");
            StringBuilder history = new StringBuilder();
            while (rs.next())
                history.append(rs.getString(1))
                        .append(' ')
                        .append(rs.getString(2))
                        .append('\n');
            assertThat(history.toString()).contains("1 instrument ecm 1.0.0").contains("2 instrument ecm 1.1.0");
        }
        // opening again with the same instrument changes nothing
        Store.open(db, Store.DEFAULT_SCHEMA, next);
    }

    @Test
    void removing_a_variable_that_holds_data_is_refused(ConnectionSettings db) {
        Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.parse(source, "v1"));
        String without = source.replace("version: 1.0.0", "version: 2.0.0")
                .replaceAll("(?m)^      - \\{name: V_TESTIFIED,.*\\n", "");
        assertThatThrownBy(() -> Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.parse(without, "v2")))
                .hasStackTraceContaining("removes victim.v_testified");
    }
}
