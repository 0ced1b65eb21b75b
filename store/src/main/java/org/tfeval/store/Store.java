package org.tfeval.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tfeval.instrument.Instrument;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.audit.AuditSeal;
import org.tfeval.store.schema.FormTable;
import org.tfeval.store.schema.Migrations;

/** A study's database: connections in the study's schema, migrated to the instrument. Immutable. */
public final class Store {
    /** Default schema for a study's tables. */
    public static final String DEFAULT_SCHEMA = "tfeval";

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final ConnectionSettings db;
    private final String schema;
    private final Instrument instrument;
    private final AuditSeal seal;
    private final WordSeal words;

    private Store(ConnectionSettings db, String schema, Instrument instrument, AuditSeal seal, WordSeal words) {
        this.db = db;
        this.schema = schema;
        this.instrument = instrument;
        this.seal = seal;
        this.words = words;
    }

    /** Opens the store, applying pending migrations (system tables, then the instrument's tables). */
    public static Store open(ConnectionSettings db, String schema, Instrument instrument) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(instrument, "instrument");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema name '" + schema + "' must be lower-case letters, digits and _");
        }
        Migrations.migrate(db, schema, instrument);
        return new Store(db, schema, instrument, null, null);
    }

    /**
     * The same store with its audit events keyed and anchored outside the database: every
     * connection it gives carries the seal ({@link AuditSeal#seal}).
     */
    public Store withSeal(AuditSeal s) {
        return new Store(db, schema, instrument, Objects.requireNonNull(s, "s"), words);
    }

    /**
     * The same store with participants' words sealed under their keys: every connection it gives
     * carries the word seal ({@link WordSeal#on}).
     */
    public Store withWords(WordSeal w) {
        return new Store(db, schema, instrument, seal, Objects.requireNonNull(w, "w"));
    }

    /** The audit seal, or null when events are hashed without a key (tests of the store alone). */
    public AuditSeal seal() {
        return seal;
    }

    /** A connection from elsewhere (a pool) made to carry this store's audit seal, if any. */
    public Connection sealed(Connection c) {
        Connection out = seal == null ? c : seal.seal(c);
        return words == null ? out : words.carriedBy(out);
    }

    /** A new connection whose search path is the study's schema. */
    public Connection connect() throws SQLException {
        Connection c = db.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
        }
        return sealed(c);
    }

    /**
     * Work inside one transaction.
     *
     * @param <T> what the work returns
     * @param <E> a checked exception the work may throw besides {@link SQLException} (inferred;
     *            {@link RuntimeException} when there is none)
     */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    /**
     * Runs work on a new connection in one transaction: committed when it returns, rolled back
     * when it throws (and the exception passes on). Work that finds it must store nothing rolls
     * back itself and returns; the empty transaction then commits.
     */
    public <T, E extends Exception> T tx(Work<T, E> work) throws SQLException, E {
        Objects.requireNonNull(work, "work");
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            T out;
            try {
                out = work.run(c);
            } catch (Exception | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
            c.commit();
            return out;
        }
    }

    public Instrument instrument() {
        return instrument;
    }

    public ConnectionSettings settings() {
        return db;
    }

    public String schema() {
        return schema;
    }

    /** The table of a form. */
    public FormTable table(String form) {
        return new FormTable(instrument, instrument.form(form));
    }
}
