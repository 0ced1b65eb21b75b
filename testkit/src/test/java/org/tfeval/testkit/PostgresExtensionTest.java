package org.tfeval.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.pg.ConnectionSettings;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {
    @Test
    void gives_each_test_a_fresh_database_on_a_real_postgresql(ConnectionSettings a) throws Exception {
        ConnectionSettings b = PostgresExtension.freshDatabase();
        assertThat(a.jdbcUrl()).isNotEqualTo(b.jdbcUrl());
        try (Connection c = a.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE x (id int)");
            ResultSet rs = st.executeQuery("SELECT version()");
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
        }
        try (Connection c = b.connect();
                Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'x'");
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
