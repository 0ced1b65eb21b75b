package org.tfeval.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;

/** A pool of connections in the study's schema, and transactions over it. */
public final class Db implements AutoCloseable {
    /** Connections kept open: enough for concurrent saves on a small server. */
    public static final int DEFAULT_POOL_SIZE = 16;

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;

    public Db(Store store, int poolSize) {
        Objects.requireNonNull(store, "store");
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
        cfg.setMinimumIdle(Math.min(4, poolSize));
        cfg.setAutoCommit(false);
        cfg.setPoolName("tfeval-web");
        this.pool = new HikariDataSource(cfg);
    }

    /** Runs work in a transaction: committed when it returns, rolled back when it throws. */
    public <T> T tx(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database refused the request (" + e.getSQLState() + ")", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
