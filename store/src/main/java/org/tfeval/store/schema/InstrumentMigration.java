package org.tfeval.store.schema;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentWriter;
import org.tfeval.instrument.sql.SqlIdentifier;

/**
 * A Flyway migration derived from the instrument: creates the form tables the first time, and
 * later adds the tables and columns a new instrument version declares. Dropping or retyping a
 * column loses data and is refused.
 */
final class InstrumentMigration implements JavaMigration {
    private final MigrationVersion version;
    private final Instrument instrument;
    private final Map<String, Map<String, String>> before;

    InstrumentMigration(MigrationVersion version, Instrument instrument, Map<String, Map<String, String>> before) {
        this.version = version;
        this.instrument = instrument;
        this.before = before;
    }

    /** Table name to column types, as the instrument lays them out. */
    static Map<String, Map<String, String>> layout(Instrument instrument) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Form f : instrument.forms()) out.put(f.table(), new FormTable(instrument, f).columnTypes());
        return out;
    }

    /** The statements that turn {@code before} into the instrument's layout; refuses destructive changes. */
    static List<String> statements(Instrument instrument, Map<String, Map<String, String>> before) {
        List<String> sql = new java.util.ArrayList<>();
        for (Form f : instrument.forms()) {
            FormTable t = new FormTable(instrument, f);
            Map<String, String> old = before.get(t.tableName());
            if (old == null) {
                sql.add(t.createSql());
                sql.addAll(t.indexSql());
                continue;
            }
            for (Map.Entry<String, String> c : t.columnTypes().entrySet()) {
                String had = old.get(c.getKey());
                if (had == null) {
                    sql.add("ALTER TABLE " + t.table() + " ADD COLUMN " + SqlIdentifier.quote(c.getKey()) + " "
                            + c.getValue());
                } else if (!had.equals(c.getValue())) {
                    throw new IllegalStateException("instrument " + instrument.version() + " changes the type of "
                            + f.name() + "." + c.getKey() + " from " + had + " to " + c.getValue()
                            + "; that would lose stored data. Add a new variable instead.");
                }
            }
            for (String c : old.keySet()) {
                if (!t.columnTypes().containsKey(c)) {
                    throw new IllegalStateException("instrument " + instrument.version() + " removes " + f.name() + "."
                            + c + ", which holds stored data; keep the variable (it can be marked release: drop).");
                }
            }
        }
        for (String table : before.keySet()) {
            if (instrument.forms().stream().noneMatch(f -> f.table().equals(table))) {
                throw new IllegalStateException("instrument " + instrument.version() + " removes the table " + table
                        + ", which holds stored data");
            }
        }
        return sql;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return "instrument " + instrument.id() + " " + instrument.version();
    }

    @Override
    public Integer getChecksum() {
        return layout(instrument).toString().hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            for (String s : statements(instrument, before)) st.execute(s);
        }
        try (PreparedStatement ps = context.getConnection()
                .prepareStatement(
                        "INSERT INTO study_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")) {
            ps.setString(1, "instrument_yaml");
            ps.setString(2, InstrumentWriter.toYaml(instrument));
            ps.addBatch();
            ps.setString(1, "instrument_version");
            ps.setString(2, instrument.id() + " " + instrument.version());
            ps.addBatch();
            ps.executeBatch();
        }
    }
}
