package org.tfeval.store.edit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.schema.FormTable;

/** Edits and deletes stored records with an audit trail. */
public final class RecordEditor {
    private final Store store;
    private final String actor;

    public RecordEditor(Store store, String actor) {
        this.store = Objects.requireNonNull(store, "store");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** A value that cannot be stored at all (not of the variable's type), or an unknown record. */
    public static final class EditException extends org.tfeval.instrument.workflow.Problem.Usage {
        private static final long serialVersionUID = 1L;

        EditException(String message) {
            super(message, null, null);
        }
    }

    /**
     * Sets variables of one record (given in the import format) and returns the rule violations the
     * record now has. The key cannot be changed.
     */
    public List<Violation> set(String formName, List<String> key, Map<String, String> changes, String reason) {
        Form form = store.instrument().form(formName);
        FormTable table = store.table(formName);
        if (reason == null || reason.isBlank()) throw new EditException("a reason is required for every edit");
        for (String v : changes.keySet()) {
            if (form.find(v).isEmpty()) throw new EditException("form " + formName + " has no variable " + v);
            if (form.key().contains(v))
                throw new EditException(v + " is part of the record's key and cannot be edited");
        }
        try {
            return store.tx(c -> {
                Map<String, Object> current = load(c, table, key, true);
                Map<String, String> cells = table.cells(current);
                cells.putAll(changes);
                List<Violation> found = new ArrayList<>();
                RecordValidator validator = new RecordValidator(store.instrument(), form);
                Map<String, Object> typed = validator.parse(cells, new Location(formName, 0), found::add);
                for (String v : changes.keySet()) {
                    String raw = changes.get(v);
                    if (raw != null && !raw.isBlank() && typed.get(v) == null) {
                        throw new EditException(
                                formName + " " + String.join("/", key) + ", " + v + ": the value is not a valid "
                                        + form.variable(v).type().name().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                AuditEntry entry = new AuditEntry(
                        actor, "edit", formName, reason, "{\"variables\":" + quoteList(changes.keySet()) + "}");
                AuditLog.record(c, entry, audit -> {
                    String oldJson = json(c, table, key);
                    StringBuilder set = new StringBuilder();
                    List<Object> params = new ArrayList<>();
                    for (String v : changes.keySet()) {
                        Variable var = form.variable(v);
                        Object value = typed.get(v);
                        if (!set.isEmpty()) set.append(", ");
                        set.append(FormTable.column(v)).append(" = ?");
                        params.add(sqlValue(var, value));
                        if (var.type() == org.tfeval.instrument.VariableType.DATE) {
                            set.append(", ").append(FormTable.missingColumn(v)).append(" = ?");
                            params.add(
                                    value instanceof org.tfeval.instrument.Missing m
                                            ? (Object) (short) m.code()
                                            : null);
                        }
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement("UPDATE " + table.table() + " SET " + set + " WHERE " + where(table))) {
                        int i = 1;
                        for (Object p : params) ps.setObject(i++, p);
                        bindKey(ps, i, table, key);
                        ps.executeUpdate();
                    }
                    audit.updated(String.join("/", key), oldJson, json(c, table, key));
                });
                return found;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the edit of " + formName + " " + String.join("/", key) + " failed (" + e.getSQLState() + ")", e);
        }
    }

    /** Deletes one record (its child records must be deleted first). */
    public void delete(String formName, List<String> key, String reason) {
        FormTable table = store.table(formName);
        if (reason == null || reason.isBlank()) throw new EditException("a reason is required for every deletion");
        try {
            store.tx(c -> {
                load(c, table, key, true);
                return AuditLog.record(c, new AuditEntry(actor, "delete", formName, reason, "{}"), audit -> {
                    audit.deleted(String.join("/", key), json(c, table, key));
                    try (PreparedStatement ps =
                            c.prepareStatement("DELETE FROM " + table.table() + " WHERE " + where(table))) {
                        bindKey(ps, 1, table, key);
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        if ("23503".equals(e.getSQLState())) {
                            throw new EditException(formName + " " + String.join("/", key)
                                    + " still has linked records; delete them first");
                        }
                        throw e;
                    }
                });
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the deletion of " + formName + " " + String.join("/", key) + " failed (" + e.getSQLState() + ")",
                    e);
        }
    }

    /** The stored values of a record. */
    public Map<String, Object> get(String formName, List<String> key) {
        try (Connection c = store.connect()) {
            return load(c, store.table(formName), key, false);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read " + formName + " " + String.join("/", key) + " (" + e.getSQLState() + ")", e);
        }
    }

    private static Map<String, Object> load(Connection c, FormTable table, List<String> key, boolean lock)
            throws SQLException {
        if (key.size() != table.keyColumns().size()) {
            throw new EditException("form " + table.form().name() + " is keyed by "
                    + table.form().key() + "; got " + key.size() + " key values");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", table.columns()) + " FROM "
                + table.table() + " WHERE " + where(table) + (lock ? " FOR UPDATE" : ""))) {
            bindKey(ps, 1, table, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next())
                    throw new EditException("no " + table.form().name() + " record " + String.join("/", key));
                return new LinkedHashMap<>(table.read(rs));
            }
        }
    }

    private static String json(Connection c, FormTable table, List<String> key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT to_json(t)::text FROM " + table.table() + " t WHERE " + where(table))) {
            bindKey(ps, 1, table, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Binds key values typed as their variables (an offense is keyed by a text id and an integer). */
    private static void bindKey(PreparedStatement ps, int first, FormTable table, List<String> key)
            throws SQLException {
        int i = first;
        for (int k = 0; k < key.size(); k++) {
            Variable v = table.form().variable(table.form().key().get(k));
            Object typed = v.type().parse(key.get(k));
            if (typed == null)
                throw new EditException(v.name() + " '" + key.get(k) + "' is not a valid "
                        + v.type().name().toLowerCase(java.util.Locale.ROOT));
            ps.setObject(i++, typed);
        }
    }

    private static String where(FormTable table) {
        return String.join(
                " AND ", table.keyColumns().stream().map(k -> k + " = ?").toList());
    }

    private static Object sqlValue(Variable v, Object value) {
        if (value == null) return null;
        if (value instanceof org.tfeval.instrument.Missing m) {
            return switch (v.type()) {
                case DATE -> null;
                case CODE, INTEGER -> (long) m.code();
                case DECIMAL -> java.math.BigDecimal.valueOf(m.code());
                default -> Integer.toString(m.code());
            };
        }
        if (value instanceof java.time.LocalDate d) return java.sql.Date.valueOf(d);
        return value;
    }

    private static String quoteList(java.util.Collection<String> names) {
        return "[" + String.join(",", names.stream().map(n -> "\"" + n + "\"").toList()) + "]";
    }
}
