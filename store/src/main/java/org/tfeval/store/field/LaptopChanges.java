package org.tfeval.store.field;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which coding rows changed in a laptop's working database since the last save to the package:
 * row triggers on {@code coding_case}, {@code coding_pass} and {@code coding_record} write the key
 * of every inserted, updated or deleted row to {@code field_laptop_change}, and a save takes those
 * keys and reads only their rows, so its cost follows the case saved, not the package. Installed
 * on the laptop's database only (never by a migration: the office's database does not pay for it);
 * the laptop's database is made again from the package on every open.
 */
public final class LaptopChanges {
    /** Whose rows changed: case IDs (case rows), case IDs (pass rows), record IDs; sorted. */
    public record Keys(Set<String> cases, Set<String> passCases, Set<Long> records) {
        public Keys {
            cases = java.util.Collections.unmodifiableSet(new TreeSet<>(cases));
            passCases = java.util.Collections.unmodifiableSet(new TreeSet<>(passCases));
            records = java.util.Collections.unmodifiableSet(new TreeSet<>(records));
        }

        public boolean isEmpty() {
            return cases.isEmpty() && passCases.isEmpty() && records.isEmpty();
        }
    }

    private static final String TABLE = "field_laptop_change";

    private LaptopChanges() {}

    /**
     * Starts recording changed keys (call once, after the package's rows were loaded, in the same
     * transaction: the load itself is not recorded).
     */
    public static void track(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE UNLOGGED TABLE IF NOT EXISTS " + TABLE
                    + " (seq bigserial PRIMARY KEY, tbl text NOT NULL, case_id text, record_id bigint)");
            st.execute("TRUNCATE " + TABLE);
            for (String t : List.of("coding_case", "coding_pass", "coding_record")) {
                String values = t.equals("coding_record")
                        ? "VALUES ('" + t + "', r.case_id, r.id)"
                        : "VALUES ('" + t + "', r.case_id, NULL)";
                st.execute("CREATE OR REPLACE FUNCTION " + TABLE + "_" + t
                        + "() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$\n"
                        + "DECLARE r " + t + "%ROWTYPE;\n"
                        + "BEGIN\n"
                        + "  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;\n"
                        + "  INSERT INTO " + TABLE + " (tbl, case_id, record_id) " + values + ";\n"
                        + "  RETURN NULL;\n"
                        + "END $$");
                st.execute("DROP TRIGGER IF EXISTS " + TABLE + " ON " + t);
                st.execute("CREATE TRIGGER " + TABLE + " AFTER INSERT OR UPDATE OR DELETE ON " + t
                        + " FOR EACH ROW EXECUTE FUNCTION " + TABLE + "_" + t + "()");
            }
        }
    }

    /**
     * Takes the keys recorded since the last call: deletes them in the caller's transaction, so
     * they come back if it rolls back (the save to the package failed). Keys of changes not yet
     * visible to the transaction stay for the next call.
     */
    public static Keys take(Connection c) throws SQLException {
        Set<String> cases = new TreeSet<>();
        Set<String> passes = new TreeSet<>();
        Set<Long> records = new TreeSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("DELETE FROM " + TABLE + " RETURNING tbl, case_id, record_id")) {
            while (rs.next()) {
                switch (rs.getString(1)) {
                    case "coding_case":
                        cases.add(rs.getString(2));
                        break;
                    case "coding_pass":
                        passes.add(rs.getString(2));
                        break;
                    default:
                        records.add(rs.getLong(3));
                }
            }
        }
        return new Keys(cases, passes, records);
    }

    /** The rows (as {@link FieldRows} reads them) of the cases, the passes of the cases, and the records named. */
    public static List<String> rows(Connection c, FieldRows.Table t, Collection<?> keys) throws SQLException {
        Objects.requireNonNull(keys, "keys");
        List<String> out = new ArrayList<>();
        if (keys.isEmpty()) return out;
        String column;
        String type;
        switch (t) {
            case CODING_CASE:
            case CODING_PASS:
                column = "case_id";
                type = "text";
                break;
            case CODING_RECORD:
                column = "id";
                type = "bigint";
                break;
            default:
                throw new IllegalArgumentException("changes are recorded for coding rows only, not " + t);
        }
        Array array = c.createArrayOf(type, keys.toArray());
        try (PreparedStatement ps = c.prepareStatement("SELECT row_to_json(t)::text FROM " + t.table() + " t WHERE "
                + column + " = ANY (?) ORDER BY " + column)) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        } finally {
            array.free();
        }
        return out;
    }
}
