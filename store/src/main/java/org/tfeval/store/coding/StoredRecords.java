package org.tfeval.store.coding;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.store.schema.FormTable;

/** Reads and writes rows of the form tables by key, with typed values as the validator returns them. */
final class StoredRecords {
    private StoredRecords() {}

    /** The key values of a record, typed as their variables. */
    static List<Object> key(Form form, Map<String, Object> typed) {
        List<Object> out = new ArrayList<>();
        for (String k : form.key()) out.add(typed.get(k));
        return out;
    }

    /** The key values of a record from its key text ({@code A/2}), typed as their variables. */
    static List<Object> key(Form form, String keyText) {
        String[] parts = keyText.split("/", -1);
        if (parts.length != form.key().size())
            throw new IllegalArgumentException("form " + form.name() + " is keyed by " + form.key());
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            Object o = form.variable(form.key().get(i)).type().parse(parts[i]);
            if (o == null)
                throw new IllegalArgumentException(
                        "record key part " + (i + 1) + " of " + form.name() + " is not of its type");
            out.add(o);
        }
        return out;
    }

    private static String where(FormTable t) {
        return String.join(" AND ", t.keyColumns().stream().map(k -> k + " = ?").toList());
    }

    /** The row as canonical JSON ({@code to_jsonb}), or null when there is none. */
    static String json(Connection c, FormTable t, List<Object> key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT to_jsonb(r)::text FROM " + t.table() + " r WHERE " + where(t))) {
            bind(ps, 1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The row's cells in the import format, or null when there is none. */
    static Map<String, String> cells(Connection c, FormTable t, List<Object> key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + String.join(", ", t.columns()) + " FROM " + t.table() + " WHERE " + where(t))) {
            bind(ps, 1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? t.cells(t.read(rs)) : null;
            }
        }
    }

    /** Keys of the rows whose link column holds {@code linkValue}, in key order. */
    static List<List<Object>> keysLinkedTo(Connection c, FormTable t, String linkVariable, Object linkValue)
            throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + String.join(", ", t.keyColumns()) + " FROM " + t.table() + " WHERE "
                        + FormTable.column(linkVariable) + " = ? ORDER BY " + String.join(", ", t.keyColumns()))) {
            ps.setObject(1, linkValue);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> k = new ArrayList<>();
                    for (int i = 0; i < t.keyColumns().size(); i++) k.add(rs.getObject(i + 1));
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** Inserts or updates a row. */
    static void upsert(Connection c, FormTable t, Map<String, Object> typed) throws SQLException {
        Form form = t.form();
        List<String> cols = t.columns();
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(t.table())
                .append(" (")
                .append(String.join(", ", cols))
                .append(") VALUES (")
                .append(String.join(", ", java.util.Collections.nCopies(cols.size(), "?")))
                .append(") ON CONFLICT (")
                .append(String.join(", ", t.keyColumns()))
                .append(") DO UPDATE SET ");
        List<String> sets = new ArrayList<>();
        for (String col : cols) if (!t.keyColumns().contains(col)) sets.add(col + " = EXCLUDED." + col);
        sql.append(String.join(", ", sets));
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Variable v : form.variables()) {
                Object value = typed.get(v.name());
                ps.setObject(i++, sqlValue(v, value));
                if (v.type() == VariableType.DATE)
                    ps.setObject(
                            i++,
                            value instanceof Missing m ? (Object) (short) m.code() : null,
                            java.sql.Types.SMALLINT);
            }
            ps.executeUpdate();
        }
    }

    /** Deletes a row. */
    static void delete(Connection c, FormTable t, List<Object> key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.table() + " WHERE " + where(t))) {
            bind(ps, 1, key);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, int first, List<Object> key) throws SQLException {
        int i = first;
        for (Object k : key) ps.setObject(i++, k);
    }

    private static Object sqlValue(Variable v, Object value) {
        if (value == null) return null;
        if (value instanceof Missing m) {
            return switch (v.type()) {
                case DATE -> null;
                case CODE, INTEGER -> (long) m.code();
                case DECIMAL -> BigDecimal.valueOf(m.code());
                default -> Integer.toString(m.code());
            };
        }
        if (value instanceof LocalDate d) return java.sql.Date.valueOf(d);
        return value;
    }
}
