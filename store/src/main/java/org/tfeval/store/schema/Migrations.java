package org.tfeval.store.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.tfeval.instrument.Instrument;
import org.tfeval.pg.ConnectionSettings;

/**
 * Brings a database to the current system schema and the instrument's tables, through Flyway.
 * System migrations are SQL files under {@code org/tfeval/store/migration} (V1-V99 the store's,
 * V100 and up other modules' such as the web application's), in Flyway's usual history table; the
 * instrument's tables have their own history table, one version per change of the instrument.
 */
public final class Migrations {
    /** History table of the instrument-derived migrations. */
    static final String INSTRUMENT_HISTORY = "instrument_schema_history";

    private Migrations() {}

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(ConnectionSettings db, String schema, Instrument instrument) {
        Flyway system = configure(db, schema).load();
        int applied = system.migrate().migrationsExecuted;
        Map<String, Map<String, String>> existing = existingLayout(db, schema, instrument);
        if (existing.equals(InstrumentMigration.layout(instrument))) return applied;
        Flyway history = configure(db, schema)
                .table(INSTRUMENT_HISTORY)
                .locations("classpath:org/tfeval/store/instrument-migration")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrationInfo current = history.info().current();
        MigrationVersion next = MigrationVersion.fromVersion(Integer.toString(
                current == null ? 1 : current.getVersion().getMajor().intValue() + 1));
        Flyway withInstrument = configure(db, schema)
                .table(INSTRUMENT_HISTORY)
                .locations("classpath:org/tfeval/store/instrument-migration")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .javaMigrations(new InstrumentMigration(next, instrument, existing))
                .load();
        return applied + withInstrument.migrate().migrationsExecuted;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(
            ConnectionSettings db, String schema) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:org/tfeval/store/migration")
                .ignoreMigrationPatterns("*:missing")
                // earlier instrument migrations are Java migrations that only existed in their run:
                // their effect is checked against the database layout instead of by checksum
                .validateOnMigrate(false)
                .loggers("slf4j");
    }

    private static Map<String, Map<String, String>> existingLayout(
            ConnectionSettings db, String schema, Instrument instrument) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (Connection c = db.connect();
                var ps = c.prepareStatement(
                        "SELECT table_name, column_name, CASE data_type WHEN 'USER-DEFINED' THEN udt_name ELSE data_type END "
                                + "FROM information_schema.columns WHERE table_schema = ? AND table_name LIKE 'd\\_%' ORDER BY table_name, ordinal_position")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), normalise(rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the database layout of " + db.display() + ": " + e.getMessage(), e);
        }
        // compare against the instrument in its own order
        Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
        InstrumentMigration.layout(instrument).forEach((t, cols) -> {
            if (out.containsKey(t)) {
                Map<String, String> have = out.remove(t);
                Map<String, String> sorted = new LinkedHashMap<>();
                cols.keySet().forEach(k -> {
                    if (have.containsKey(k)) sorted.put(k, have.remove(k));
                });
                sorted.putAll(have);
                ordered.put(t, sorted);
            }
        });
        ordered.putAll(out);
        return ordered;
    }

    private static String normalise(String informationSchemaType) {
        return switch (informationSchemaType) {
            case "character varying" -> "varchar";
            default -> informationSchemaType;
        };
    }
}
