package org.tfeval.store.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.tfeval.store.Store;

/** How many data-quality queries are not closed: a snapshot waits until there are none. */
public final class OpenQueries {
    private OpenQueries() {}

    /** Queries open or answered in the study. */
    public static long count(Store store) {
        try (Connection c = store.connect()) {
            return count(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the open data-quality queries (" + e.getSQLState() + ")", e);
        }
    }

    /** Queries open or answered, inside the caller's transaction. */
    public static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM dq_query WHERE status <> 'closed'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
