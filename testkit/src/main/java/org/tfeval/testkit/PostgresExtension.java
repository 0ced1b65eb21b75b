package org.tfeval.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.pg.EmbeddedPostgres;

/**
 * Gives a test a fresh, empty database on a real PostgreSQL server: a {@link ConnectionSettings}
 * parameter. One embedded server serves the whole test JVM; set {@code TFEVAL_TEST_DB} to a
 * {@code postgresql://} URL to use an external server instead.
 */
public final class PostgresExtension implements ParameterResolver {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == ConnectionSettings.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return freshDatabase();
    }

    /** A new empty database. */
    public static synchronized ConnectionSettings freshDatabase() {
        Server s = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = s.admin.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException ex) {
            throw new ParameterResolutionException("cannot create test database " + name + ": " + ex.getMessage(), ex);
        }
        String url = s.admin.jdbcUrl();
        return new ConnectionSettings(
                url.substring(0, url.lastIndexOf('/') + 1) + name, s.admin.user(), s.admin.password());
    }

    private static Server server() {
        if (server == null) {
            String external = System.getenv("TFEVAL_TEST_DB");
            if (external != null && !external.isBlank()) {
                server = new Server(null, null, ConnectionSettings.parse(external));
            } else {
                try {
                    Path dir = Files.createTempDirectory(Path.of("/tmp"), "tfeval-test-pg-");
                    Files.setPosixFilePermissions(
                            dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                    EmbeddedPostgres pg = EmbeddedPostgres.start(dir, EmbeddedPostgres.Durability.THROWAWAY);
                    server = new Server(pg, dir, pg.settings());
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        pg.close();
                        WorkFolders.deleteTree(dir);
                    }));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
        return server;
    }

    /** The embedded server folder, or null when an external server is used. */
    public static Path serverFolder() {
        return server().dir;
    }

    private record Server(EmbeddedPostgres pg, Path dir, ConnectionSettings admin) {}
}
