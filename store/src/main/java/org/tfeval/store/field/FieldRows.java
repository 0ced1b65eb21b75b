package org.tfeval.store.field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rows a field package carries, as PostgreSQL writes them ({@code row_to_json}), and loading
 * them into another database of the same schema with their ids ({@code json_populate_record}).
 * Only the tables named in {@link Table} can be read or written this way.
 */
public final class FieldRows {
    /** The tables a package carries, in the order they are loaded (parents first). */
    public enum Table {
        TASK_FORCE("d_task_force", null),
        SAMPLE_DRAW("sample_draw", "sample_draw_id_seq"),
        SAMPLE_CASE("sample_case", null),
        ACCOUNT("web_account", "web_account_id_seq"),
        ACCOUNT_TASK_FORCE("web_account_task_force", null),
        CODING_CASE("coding_case", null),
        CODING_PASS("coding_pass", null),
        CODING_RECORD("coding_record", "coding_record_id_seq");

        private final String table;
        private final String sequence;

        Table(String table, String sequence) {
            this.table = table;
            this.sequence = sequence;
        }

        public String table() {
            return table;
        }
    }

    /** The columns of a coding record a laptop changes (the others are the office's bookkeeping). */
    public static final Set<String> RECORD_COLUMNS =
            Set.of("id", "case_id", "pass", "form", "record_key", "parent_id", "cells", "saves");

    private FieldRows() {}

    /** Rows of a table as JSON objects, filtered by {@code where} (SQL with {@code ?} bound to {@code args}), ordered by {@code order}. */
    public static List<String> read(Connection c, Table t, String where, String order, Object... args)
            throws SQLException {
        Objects.requireNonNull(where, "where");
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT row_to_json(t)::text FROM " + t.table + " t WHERE "
                + where + (order == null ? "" : " ORDER BY " + order))) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Inserts rows given as JSON objects, keeping their ids; the table's id sequence continues after the largest. */
    public static void load(Connection c, Table t, List<String> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + t.table + " SELECT * FROM json_populate_record(NULL::" + t.table + ", ?::json)")) {
            for (String r : rows) {
                ps.setString(1, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (t.sequence != null) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval('" + t.sequence + "', (SELECT max(id) FROM " + t.table + "))");
            }
        }
    }
}
