package org.tfeval.pg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server run by tfeval with its data in a folder (the study's {@code db/}).
 * The server listens on 127.0.0.1 only, with password authentication and a random password kept
 * beside the data. When tfeval runs as root, the server runs as the dedicated system account
 * {@code tfeval-pg} with only the capability to traverse folders (see {@link ServerAccount}), as
 * PostgreSQL refuses to run as root. The binaries are verified before they run ({@link
 * PostgresBinaries}); a {@link Watchdog} stops the server when the JVM that started it dies.
 *
 * <p>If the server for the folder is already running (another tfeval command), {@link #start}
 * connects to it and {@link #close} leaves it running.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    /** Database created in every embedded cluster. */
    public static final String DATABASE = "tfeval";
    /** Superuser of the embedded cluster. */
    public static final String USER = "tfeval";
    /** Where root keeps the binaries: owned by root, writable by nobody else (never world-writable /var/tmp). */
    static final String ROOT_CACHE = "/var/cache/tfeval";
    /** How long to wait for the server to start or stop. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Whether the data must survive a crash. */
    public enum Durability {
        /** A study's database: every commit is on disk; a clean shutdown checkpoints. */
        DURABLE("-c fsync=on", "fast"),
        /** A test database thrown away afterwards: no fsync, immediate shutdown. */
        THROWAWAY("-c fsync=off -c synchronous_commit=off -c full_page_writes=off", "immediate");

        private final String options;
        private final String stopMode;

        Durability(String options, String stopMode) {
            this.options = options;
            this.stopMode = stopMode;
        }
    }

    private final Path root;
    private final Path binaries;
    private final int port;
    private final boolean owned;
    private final String password;
    private final Durability durability;
    private final ServerAccount account;
    private final Watchdog watchdog;

    private EmbeddedPostgres(
            Path root,
            Path binaries,
            int port,
            boolean owned,
            String password,
            Durability durability,
            ServerAccount account,
            Watchdog watchdog) {
        this.root = root;
        this.account = account;
        this.watchdog = watchdog;
        this.binaries = binaries;
        this.port = port;
        this.owned = owned;
        this.password = password;
        this.durability = durability;
    }

    /** Starts (creating on first use) the durable server whose files live in {@code root}. */
    public static EmbeddedPostgres start(Path root) {
        return start(root, Durability.DURABLE);
    }

    /** Starts (creating on first use) the server whose files live in {@code root}. */
    public static EmbeddedPostgres start(Path root, Durability durability) {
        return start(root, durability, cacheRoot());
    }

    /** Starts the server with the binaries kept in {@code cacheRoot}. */
    static EmbeddedPostgres start(Path root, Durability durability, Path cacheRoot) {
        try {
            root = root.toAbsolutePath().normalize();
            if (!Files.exists(root)) {
                Files.createDirectories(root);
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
            Path binaries = PostgresBinaries.resolve(cacheRoot);
            Path data = root.resolve("data");
            Path pwFile = root.resolve("password");
            ServerAccount account = ServerAccount.forCurrentUser();
            account.prepare();
            if (account == ServerAccount.DEDICATED) {
                OwnerOnly.requireReachableByOthers(binaries, "the PostgreSQL binaries in");
            }
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb(root, binaries, data, pwFile, account);
            }
            String password = Files.readString(pwFile, StandardCharsets.UTF_8).strip();
            Optional<Integer> running = runningPort(data);
            if (running.isPresent()) {
                return new EmbeddedPostgres(root, binaries, running.get(), false, password, durability, account, null);
            }
            // a cluster made before the dedicated account (owned by 'nobody') moves to it
            account.own(root, 0);
            account.own(data, Integer.MAX_VALUE);
            if (Files.exists(root.resolve("server.log"))) account.own(root.resolve("server.log"), 0);
            int port = freePort();
            List<String> cmd = command(
                    account,
                    binaries.resolve("bin/pg_ctl").toString(),
                    "start",
                    "-w",
                    "-s",
                    "-t",
                    Long.toString(TIMEOUT.toSeconds()),
                    "-D",
                    data.toString(),
                    "-l",
                    root.resolve("server.log").toString(),
                    "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' " + durability.options
                            + " -c max_connections=200 -c shared_buffers=256MB -c max_wal_size=4GB"
                            // no case data in the server log: no statements, no parameters, and no client
                            // ERROR messages or DETAIL lines (they quote values: invalid input "...", Key (...)=(...))
                            + " -c log_min_messages=fatal -c log_error_verbosity=terse -c log_statement=none"
                            + " -c log_min_error_statement=panic -c log_parameter_max_length=0"
                            + " -c log_parameter_max_length_on_error=0 -c log_min_duration_statement=-1");
            run(cmd, root, "start the embedded PostgreSQL server");
            Watchdog watchdog = Watchdog.watch(data, postmasterPid(data));
            return new EmbeddedPostgres(root, binaries, port, true, password, durability, account, watchdog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server in " + root, e);
        }
    }

    /** JDBC URL of the tfeval database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Connection settings of the tfeval database. */
    public ConnectionSettings settings() {
        return new ConnectionSettings(jdbcUrl(), USER, password);
    }

    /** Connection settings of another database in the same cluster. */
    public ConnectionSettings settings(String database) {
        return new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, password);
    }

    /** The TCP port. */
    public int port() {
        return port;
    }

    /** Stops the server if this instance started it. */
    @Override
    public void close() {
        if (!owned) return;
        try {
            stop();
        } finally {
            watchdog.stop();
        }
    }

    private void stop() {
        run(
                command(
                        account,
                        binaries.resolve("bin/pg_ctl").toString(),
                        "stop",
                        "-w",
                        "-s",
                        "-m",
                        durability.stopMode,
                        "-t",
                        Long.toString(TIMEOUT.toSeconds()),
                        "-D",
                        root.resolve("data").toString()),
                root,
                "stop the embedded PostgreSQL server");
    }

    private static void initdb(Path root, Path binaries, Path data, Path pwFile, ServerAccount account)
            throws IOException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        Files.writeString(pwFile, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
        Path pwForInit = root.resolve("password.init");
        Files.copy(pwFile, pwForInit, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        account.own(data, Integer.MAX_VALUE);
        account.own(pwForInit, 0);
        account.own(root, 0); // the server writes its log here; the password file stays the user's
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        try {
            run(
                    command(
                            account,
                            binaries.resolve("bin/initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            USER,
                            "-E",
                            "UTF8",
                            "--locale=C",
                            "-A",
                            "scram-sha-256",
                            "--pwfile=" + pwForInit),
                    root,
                    "create the embedded PostgreSQL cluster");
        } finally {
            Files.deleteIfExists(pwForInit);
        }
        // create the tfeval database in single-user-free way: start, create, stop
        int port = freePort();
        run(
                command(
                        account,
                        binaries.resolve("bin/pg_ctl").toString(),
                        "start",
                        "-w",
                        "-s",
                        "-D",
                        data.toString(),
                        "-l",
                        root.resolve("server.log").toString(),
                        "-o",
                        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"),
                root,
                "start the new cluster");
        try (var c = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                        USER,
                        Files.readString(pwFile).strip());
                var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the tfeval database: " + e.getMessage(), e);
        } finally {
            run(
                    command(
                            account,
                            binaries.resolve("bin/pg_ctl").toString(),
                            "stop",
                            "-w",
                            "-s",
                            "-m",
                            "fast",
                            "-D",
                            data.toString()),
                    root,
                    "stop the new cluster");
        }
    }

    private static Optional<Integer> runningPort(Path data) throws IOException {
        Path pid = data.resolve("postmaster.pid");
        if (!Files.exists(pid)) return Optional.empty();
        List<String> lines = Files.readAllLines(pid);
        if (lines.size() < 4) return Optional.empty();
        long processId = Long.parseLong(lines.get(0).strip());
        if (ProcessHandle.of(processId).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(Integer.parseInt(lines.get(3).strip()));
        }
        return Optional.empty(); // stale file after a crash: pg_ctl start recovers
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    private static List<String> command(ServerAccount account, String... args) {
        List<String> cmd = new ArrayList<>(account.prefix());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void run(List<String> cmd, Path root, String what) {
        try {
            Path log = Files.createTempFile("tfeval-pg-", ".log");
            try {
                Process p = new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .directory(root.toFile())
                        .start();
                if (!p.waitFor(TIMEOUT.toSeconds() + 10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out trying to " + what);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("could not " + what + " (exit " + p.exitValue() + "): "
                            + Files.readString(log).strip() + serverLogTail(root));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    private static String serverLogTail(Path root) {
        try {
            List<String> lines = Files.readAllLines(root.resolve("server.log"));
            return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static Path cacheRoot() {
        String override = System.getenv("TFEVAL_PG_CACHE");
        if (override != null && !override.isBlank()) return Path.of(override);
        if (ServerAccount.forCurrentUser() == ServerAccount.DEDICATED) return Path.of(ROOT_CACHE);
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("tfeval");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
