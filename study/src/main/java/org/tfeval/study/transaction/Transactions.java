package org.tfeval.study.transaction;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.study.Study;

/**
 * A pool of connections in the study's schema, and transactions over it, for a study that many
 * people use at once (the web application). The study layer's services run every use case in
 * one {@link #tx} call; adapters never see a connection.
 */
public final class Transactions implements AutoCloseable {
    /** Connections kept open: enough for concurrent saves on a small server. */
    public static final int DEFAULT_POOL_SIZE = 16;
    /** Connections kept open when idle (at most the pool size). */
    static final int MIN_IDLE = 4;

    /**
     * SQL states of a transaction that lost a race with another (unique violation, serialization
     * failure, deadlock): refused with a clear message, never an internal error.
     */
    static final java.util.Set<String> CONCURRENT_CHANGE = java.util.Set.of("23505", "40001", "40P01");

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Store store;
    private final HikariDataSource pool;

    private Transactions(Store store, int poolSize) {
        this.store = store;
        ConnectionSettings s = store.settings();
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(s.jdbcUrl());
        if (s.user() != null) cfg.setUsername(s.user());
        if (s.password() != null) cfg.setPassword(s.password());
        // never echo bound parameter values (case data) into exception messages
        cfg.addDataSourceProperty("logServerErrorDetail", "false");
        cfg.addDataSourceProperty("ApplicationName", "tfeval-web");
        cfg.setConnectionInitSql("SET search_path TO " + store.schema());
        cfg.setMaximumPoolSize(poolSize);
        cfg.setMinimumIdle(Math.min(MIN_IDLE, poolSize));
        cfg.setAutoCommit(false);
        cfg.setPoolName("tfeval-web");
        this.pool = new HikariDataSource(cfg);
    }

    /** Opens a pool of {@code poolSize} connections to an open study's database. */
    public static Transactions open(Study study, int poolSize) {
        Objects.requireNonNull(study, "study");
        if (poolSize < 1) throw new IllegalArgumentException("pool size " + poolSize + " must be >= 1");
        return new Transactions(study.store(), poolSize);
    }

    /** The study's store, for the study layer's services. */
    public Store store() {
        return store;
    }

    /**
     * Runs work in a transaction: committed when it returns, rolled back when it throws. The
     * store's refusals become {@link Problem}s here, once: a bad argument is a usage problem, a
     * state the workflow does not allow is refused, a race lost to another transaction (unique
     * violation, serialization failure, deadlock) is refused, any other database failure is internal (with its SQL
     * state only, never the server's message, which may quote values).
     */
    public <T> T tx(Work<T> work) {
        try (Connection c = store.sealed(pool.getConnection())) {
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (CONCURRENT_CHANGE.contains(e.getSQLState())) {
                throw new Problem.Refused(
                        "someone else made the same change at the same moment, so this one was not made",
                        "reload the page to see the current state and try again if it is still needed",
                        e);
            }
            throw new Problem.Internal("the database refused the request (SQL state " + e.getSQLState() + ")", null, e);
        } catch (Problem e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new Problem.Usage(messageOf(e), null, e);
        } catch (IllegalStateException e) {
            throw new Problem.Refused(messageOf(e), null, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A message for people: some exceptions carry none (a Problem needs one). */
    private static String messageOf(RuntimeException e) {
        return e.getMessage() != null
                ? e.getMessage()
                : "the request could not be completed (" + e.getClass().getSimpleName() + ")";
    }
}
