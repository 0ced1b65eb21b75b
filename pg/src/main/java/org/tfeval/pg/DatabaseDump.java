package org.tfeval.pg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent copy of every table's rows and every sequence's position in a database, read in one
 * read-only repeatable-read transaction with {@code COPY ... (FORMAT binary)} (exact for every
 * type). It restores into a database whose tables the same tfeval version has already made (the
 * study's migrations), in one transaction: the tables are emptied and filled with triggers and
 * foreign-key checks held off ({@code session_replication_role = replica}, which needs the
 * superuser the embedded server provides), then the sequences are set.
 *
 * <p>(The embedded binaries ship without pg_dump, so the copy is made over JDBC.)
 */
public final class DatabaseDump {
    private static final String FORMAT = "tfeval-table-copy 1";
    private static final String TABLES = "SELECT c.oid::regclass::text,"
            + " (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a"
            + "   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '')"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"
            + " ORDER BY 1";
    private static final String SEQUENCES = "SELECT format('%I.%I', schemaname, sequencename),"
            + " last_value, last_value IS NOT NULL FROM pg_sequences ORDER BY 1";

    private DatabaseDump() {}

    /** What a dump held: rows copied per table (as bytes of COPY data) and sequences. */
    public record Summary(Map<String, Long> tableBytes, int sequences) {
        public Summary {
            tableBytes = Map.copyOf(tableBytes);
        }
    }

    /** Writes every table and sequence of the database to {@code file}. */
    public static Summary dump(ConnectionSettings db, Path file) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        int sequences = 0;
        try (Connection c = db.connect();
                OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Map<String, String> tables = tables(c);
            out.writeUTF(FORMAT);
            out.writeInt(tables.size());
            for (Map.Entry<String, String> t : tables.entrySet()) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                copy.copyOut("COPY " + t.getKey() + " (" + t.getValue() + ") TO STDOUT (FORMAT binary)", rows);
                out.writeUTF(t.getKey());
                out.writeUTF(t.getValue());
                out.writeLong(rows.size());
                rows.writeTo(out);
                sizes.put(t.getKey(), (long) rows.size());
            }
            List<Object[]> seqs = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(SEQUENCES)) {
                while (rs.next()) seqs.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getBoolean(3)});
            }
            out.writeInt(seqs.size());
            for (Object[] s : seqs) {
                out.writeUTF((String) s[0]);
                out.writeLong((Long) s[1]);
                out.writeBoolean((Boolean) s[2]);
                sequences++;
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not copy the database " + db.display() + " (" + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the database copy " + file, e);
        }
        return new Summary(sizes, sequences);
    }

    /**
     * Replaces the rows of every table in a dump, and sets its sequences, in one transaction. The
     * database must already have every table of the dump with the same columns.
     */
    public static void restore(ConnectionSettings db, Path file) {
        try (Connection c = db.connect();
                InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (!FORMAT.equals(in.readUTF())) throw new IllegalStateException("not a tfeval database copy");
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Map<String, String> present = tables(c);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL session_replication_role = replica");
                int n = in.readInt();
                List<String> truncated = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String table = in.readUTF();
                    String columns = in.readUTF();
                    byte[] rows = in.readNBytes(Math.toIntExact(in.readLong()));
                    if (!columns.equals(present.get(table))) {
                        throw new IllegalStateException("the database copy's table " + table
                                + " does not match this tfeval version's (its columns differ or it is missing)");
                    }
                    if (truncated.isEmpty()) {
                        st.execute("TRUNCATE " + String.join(", ", present.keySet()) + " CASCADE");
                        truncated.addAll(present.keySet());
                    }
                    copy.copyIn(
                            "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)",
                            new ByteArrayInputStream(rows));
                }
            }
            int sequences = in.readInt();
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                for (int i = 0; i < sequences; i++) {
                    String name = in.readUTF();
                    long last = in.readLong();
                    boolean called = in.readBoolean();
                    ps.setString(1, name);
                    ps.setLong(2, called ? last : 1);
                    ps.setBoolean(3, called);
                    ps.execute();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not restore the database copy into " + db.display() + " (" + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the database copy " + file, e);
        }
    }

    private static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(TABLES)) {
            while (rs.next()) m.put(rs.getString(1), rs.getString(2));
        }
        return m;
    }
}
