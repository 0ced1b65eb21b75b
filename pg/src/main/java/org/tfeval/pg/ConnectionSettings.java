package org.tfeval.pg;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the study's database is: a JDBC URL with credentials.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db}
 * @param user     user name
 * @param password password, or null
 */
public record ConnectionSettings(String jdbcUrl, String user, String password) {
    public ConnectionSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + redact(jdbcUrl));
        }
    }

    /**
     * Parses {@code postgresql://user:password@host:port/db} (libpq style) or a JDBC URL.
     * A password may also come from the environment variable {@code TFEVAL_DB_PASSWORD}.
     */
    public static ConnectionSettings parse(String url) {
        if (url.startsWith("jdbc:")) return new ConnectionSettings(url, null, System.getenv("TFEVAL_DB_PASSWORD"));
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "--db must look like postgresql://user@host:5432/database, not " + redact(url));
        }
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "http://"));
        String user = null;
        String password = System.getenv("TFEVAL_DB_PASSWORD");
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            if (parts.length > 1) password = parts[1];
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
        return new ConnectionSettings(
                "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/" + db
                        + query,
                user,
                password);
    }

    /** Opens a connection. Parameter values are never echoed into server error messages. */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        // never echo bound parameter values (case data) into exception messages
        p.setProperty("logServerErrorDetail", "false");
        p.setProperty("ApplicationName", "tfeval");
        p.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(jdbcUrl, p);
    }

    /** The URL without credentials, for messages. */
    public String display() {
        return redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + display() + ", user=" + user + "]";
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@").replaceAll("(?i)password=[^&]*", "password=***");
    }
}
