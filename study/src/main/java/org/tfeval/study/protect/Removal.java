package org.tfeval.study.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.store.Store;
import org.tfeval.store.schema.FormTable;

/**
 * Deletes a removed participant's words from every table that holds them, whatever tables exist:
 * each table (outside the instrument's form tables {@code d_*} and the {@code protect_*} tables) with
 * an {@code interview_id} of one of their interviews or their {@code participant_id}, and, first, every
 * row that refers to those rows by a foreign key, recursively (codings, turns, remap reviews, memos,
 * de-identification suggestions, ...). Runs in the caller's transaction, after the withdrawal row
 * is inserted: the immutable-transcript trigger lets exactly this participant's transcripts go
 * ({@code tfeval.withdrawal_removal}, migration V320). Idempotent.
 */
final class Removal {
    private static final String SETTING = "current_setting('tfeval.withdrawal_removal')";

    private record ForeignKey(String child, List<String> childColumns, String parent, List<String> parentColumns) {}

    private Removal() {}

    /** Deletes the participant's rows; returns rows deleted by table (tables with none left out). */
    static Map<String, Long> remove(Connection c, Store store, String participantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('tfeval.withdrawal_removal', ?, true)")) {
            ps.setString(1, participantId);
            ps.execute();
        }
        String interviews = "SELECT " + SqlIdentifier.quote(FormTable.columnName("INTERVIEW_ID")) + " FROM "
                + store.table("interview").table() + " WHERE "
                + SqlIdentifier.quote(FormTable.columnName("PARTICIPANT_ID")) + " = " + SETTING;
        String byInterview = "(interview_id LIKE " + SETTING + " || '-I%' OR interview_id IN (" + interviews + "))";
        String byParticipant = "participant_id = " + SETTING;
        List<ForeignKey> keys = foreignKeys(c, store.schema());
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (String table : tablesWith(c, store.schema(), "interview_id")) {
            delete(c, keys, table, byInterview, deleted, 0);
        }
        for (String table : tablesWith(c, store.schema(), "participant_id")) {
            delete(c, keys, table, byParticipant, deleted, 0);
        }
        deleted.values().removeIf(n -> n == 0);
        return deleted;
    }

    /**
     * Rewrites the tables a removal deleted rows from ({@code VACUUM FULL}, outside any transaction,
     * after the removal committed), so the deleted rows' bytes do not linger in the tables' data files
     * until autovacuum or later writes reuse the space: the old files are unlinked. (The write-ahead log
     * still holds what was written until its segments are recycled; words sealed under the participant's
     * destroyed key are unreadable there.) Returns the tables rewritten.
     */
    static List<String> vacuum(Store store, java.util.Collection<String> tables) throws SQLException {
        List<String> done = new java.util.ArrayList<>();
        try (Connection c = store.connect();
                java.sql.Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String table : tables) {
                st.execute("VACUUM (FULL) " + SqlIdentifier.quote(store.schema()) + "." + SqlIdentifier.quote(table));
                done.add(table);
            }
        }
        return done;
    }

    private static void delete(
            Connection c, List<ForeignKey> keys, String table, String where, Map<String, Long> deleted, int depth)
            throws SQLException {
        if (depth > keys.size()) throw new IllegalStateException("foreign keys form a cycle at " + table);
        for (ForeignKey k : keys) {
            if (!k.parent().equals(table) || k.child().equals(table) || !removable(k.child())) continue;
            String childWhere = "(" + columns(k.childColumns()) + ") IN (SELECT " + columns(k.parentColumns())
                    + " FROM " + SqlIdentifier.quote(table) + " WHERE " + where + ")";
            delete(c, keys, k.child(), childWhere, deleted, depth + 1);
        }
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + SqlIdentifier.quote(table) + " WHERE " + where)) {
            deleted.merge(table, (long) ps.executeUpdate(), Long::sum);
        }
    }

    private static String columns(List<String> names) {
        return String.join(", ", names.stream().map(SqlIdentifier::quote).toList());
    }

    /** Tables whose rows a removal may delete: not the instrument's records, not the protection tables. */
    private static boolean removable(String table) {
        return !table.startsWith("d_") && !table.startsWith("protect_") && !table.startsWith("audit");
    }

    private static List<String> tablesWith(Connection c, String schema, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.table_name FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_schema = ? AND c.column_name = ? AND t.table_type = 'BASE TABLE'"
                + " ORDER BY c.table_name")) {
            ps.setString(1, schema);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (removable(rs.getString(1))) out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<ForeignKey> foreignKeys(Connection c, String schema) throws SQLException {
        List<ForeignKey> out = new ArrayList<>();
        String sql = "SELECT ch.relname, pa.relname,"
                + " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)"
                + "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[],"
                + " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)"
                + "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[]"
                + " FROM pg_constraint con JOIN pg_class ch ON ch.oid = con.conrelid"
                + " JOIN pg_class pa ON pa.oid = con.confrelid JOIN pg_namespace n ON n.oid = ch.relnamespace"
                + " WHERE con.contype = 'f' AND n.nspname = ? ORDER BY ch.relname, con.conname";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ForeignKey(
                            rs.getString(1),
                            List.of((String[]) rs.getArray(3).getArray()),
                            rs.getString(2),
                            List.of((String[]) rs.getArray(4).getArray())));
                }
            }
        }
        return out;
    }
}
