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
            if (form.parentLink().map(l -> l.name().equals(v)).orElse(false))
                throw new EditException(
                        v + " links the record to its " + form.variable(v).parent()
                                + " record and cannot be edited; moving a record is a separate, audited step: tfeval move --form "
                                + formName + " --id KEY --to-parent ID --reason TEXT");
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

    /**
     * Moves one record under another parent record (a case to another task force, a victim to
     * another case): sets its link, and the values it and the records below it inherit from the
     * new parent, as one audited {@code move} event with every changed record's old and new values.
     * The only way a link changes; an import or edit refuses it.
     *
     * @return the records changed (the moved one and those below it whose inherited values changed)
     */
    public int move(String formName, List<String> key, String newParent, String reason) {
        Form form = store.instrument().form(formName);
        FormTable table = store.table(formName);
        if (reason == null || reason.isBlank()) throw new EditException("a reason is required for every move");
        Variable link = form.parentLink()
                .orElseThrow(() -> new EditException("form " + formName + " has no parent record to move to"));
        if (form.key().contains(link.name()))
            throw new EditException(link.name() + " is part of the " + formName + " key; such a record cannot move");
        Form parent = store.instrument().form(link.parent());
        FormTable parentTable = store.table(parent.name());
        try {
            return store.tx(c -> {
                Map<String, Object> current = load(c, table, key, true);
                load(c, parentTable, List.of(newParent), true);
                if (newParent.equals(String.valueOf(current.get(link.name()))))
                    throw new EditException(formName + " " + String.join("/", key) + " is already under "
                            + parent.name() + " " + newParent);
                String detail = "{\"record\":" + quoteList(List.of(String.join("/", key))) + ",\"from\":"
                        + quoteList(List.of(String.valueOf(current.get(link.name())))) + ",\"to\":"
                        + quoteList(List.of(newParent)) + "}";
                int[] changed = new int[1];
                AuditLog.record(c, new AuditEntry(actor, "move", formName, reason, detail), audit -> {
                    Map<String, String> before = subtree(c, form, key);
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table.table() + " SET "
                            + FormTable.column(link.name()) + " = ? WHERE " + where(table))) {
                        ps.setString(1, newParent);
                        bindKey(ps, 2, table, key);
                        ps.executeUpdate();
                    }
                    inherit(c, form, parent);
                    Map<String, String> after = subtree(c, form, key);
                    for (Map.Entry<String, String> e : after.entrySet()) {
                        String old = before.get(e.getKey());
                        if (!Objects.equals(old, e.getValue())) {
                            audit.updated(e.getKey().substring(e.getKey().indexOf(' ') + 1), old, e.getValue());
                            changed[0]++;
                        }
                    }
                    audit.detail(detail.substring(0, detail.length() - 1) + ",\"records\":" + changed[0] + "}");
                });
                return changed[0];
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the move of " + formName + " " + String.join("/", key) + " failed (" + e.getSQLState() + ")", e);
        }
    }

    /**
     * Sets the values {@code form}'s records inherit from {@code parent} where they differ, then
     * does the same for the forms below {@code form}.
     */
    private void inherit(Connection c, Form form, Form parent) throws SQLException {
        FormTable t = store.table(form.name());
        Variable link = form.parentLink().orElseThrow();
        List<String> sets = new ArrayList<>();
        List<String> differs = new ArrayList<>();
        for (Variable v : form.variables()) {
            if (!parent.name().equals(v.inherit())) continue;
            List<String> cols = new ArrayList<>(List.of(FormTable.columnName(v.name())));
            if (v.type() == org.tfeval.instrument.VariableType.DATE)
                cols.add(FormTable.columnName(v.name()) + FormTable.MISSING_SUFFIX);
            for (String col : cols) {
                String q = org.tfeval.instrument.sql.SqlIdentifier.quote(col);
                sets.add(q + " = p." + q);
                differs.add("t." + q + " IS DISTINCT FROM p." + q);
            }
        }
        if (!sets.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.table() + " t SET " + String.join(", ", sets)
                    + " FROM " + store.table(parent.name()).table() + " p WHERE p." + FormTable.column(link.name())
                    + " = t." + FormTable.column(link.name()) + " AND (" + String.join(" OR ", differs) + ")")) {
                ps.executeUpdate();
            }
        }
        for (String name : store.instrument().formNames()) {
            Form child = store.instrument().form(name);
            if (child.parentLink().map(l -> l.parent().equals(form.name())).orElse(false)) inherit(c, child, form);
        }
    }

    /** The JSON of a record and every record below it, by {@code "form key"}. */
    private Map<String, String> subtree(Connection c, Form form, List<String> key) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        FormTable t = store.table(form.name());
        try (PreparedStatement ps = c.prepareStatement("SELECT concat_ws('/', "
                + String.join(", ", t.keyColumns()) + "), to_json(t)::text FROM " + t.table() + " t WHERE "
                + where(t))) {
            bindKey(ps, 1, t, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(form.name() + " " + rs.getString(1), rs.getString(2));
            }
        }
        if (key.size() != 1) return out;
        for (String name : store.instrument().formNames()) {
            Form child = store.instrument().form(name);
            Variable link = child.parentLink().orElse(null);
            if (link == null || !link.parent().equals(form.name())) continue;
            FormTable ct = store.table(name);
            List<List<String>> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", ct.keyColumns()) + " FROM "
                    + ct.table() + " WHERE " + FormTable.column(link.name()) + " = ?")) {
                ps.setString(1, key.get(0));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> k = new ArrayList<>();
                        for (int i = 1; i <= ct.keyColumns().size(); i++) k.add(rs.getString(i));
                        keys.add(k);
                    }
                }
            }
            for (List<String> k : keys) out.putAll(subtree(c, child, k));
        }
        return out;
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
