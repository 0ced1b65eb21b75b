package org.tfeval.cli.web;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.FirstAdministrator;
import org.tfeval.study.accounts.OneTimeAccount;
import org.tfeval.study.accounts.PasswordHasher;
import org.tfeval.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval serve}: runs the web application on localhost until stopped. */
@Command(
        name = "serve",
        header = "Run the web application for coding case files on localhost.",
        description = {
            "Run the web application for coding case files on localhost (the study's embedded database, or --db).",
            "Prints its address; when the study has no accounts yet, creates the administrator 'admin' and writes its one-time password to an owner-only file in the study folder (its path is printed, never the password).",
            "Behind a TLS reverse proxy on this machine, use --behind-proxy and name the public host with --allowed-host.",
            "Stop with Ctrl-C."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:bad usage (no study, port in use)", "3:internal failure"})
public final class ServeCommand implements Callable<Integer> {
    /** How long shutdown waits for the server and the database to stop. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(
            names = "--port",
            defaultValue = "" + WebServer.DEFAULT_PORT,
            paramLabel = "N",
            description = "Port on localhost (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(
            names = "--idle-timeout",
            defaultValue = "30",
            paramLabel = "MINUTES",
            description = "Sign out after this many idle minutes (default: ${DEFAULT-VALUE}).")
    int idleMinutes;

    @Option(
            names = "--behind-proxy",
            description = {
                "A TLS-terminating reverse proxy on this machine forwards to the server: X-Forwarded-For and"
                        + " X-Forwarded-Proto are believed from loopback peers only, the session cookie is Secure and"
                        + " every response carries HSTS (the proxy must serve HTTPS only)."
            })
    boolean behindProxy;

    @Option(
            names = "--allowed-host",
            paramLabel = "NAME",
            description = {
                "A Host header name the server answers (repeatable); localhost, 127.0.0.1, ::1 and the bound"
                        + " address are always answered, any other gets 421."
            })
    List<String> allowedHosts = new ArrayList<>();

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (idleMinutes < 1) throw Problem.usage("--idle-timeout must be at least 1 minute");
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        stopped.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "tfeval-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Study session = study.open()) {
            WebServer.Settings settings = WebServer.Settings.defaults()
                    .withPort(port)
                    .withIdleTimeout(Duration.ofMinutes(idleMinutes))
                    .withVersion(version())
                    .withBehindProxy(behindProxy)
                    .withAllowedHosts(Set.copyOf(allowedHosts));
            Optional<OneTimeAccount> admin = FirstAdministrator.createIfNone(session, PasswordHasher.defaults());
            try (WebServer server = WebServer.start(session, settings)) {
                out.printf(
                        "tfeval web application for study %s: %s%n",
                        session.folder().name(), server.uri());
                if (admin.isPresent()) {
                    Path file = FirstAdministrator.writePasswordFile(session, admin.get());
                    out.printf(
                            "No accounts yet: created the administrator '%s'; its one-time password is in %s"
                                    + " (readable by you only).%nSign in, choose a new password, then delete the file.%n",
                            admin.get().name(), file);
                }
                out.println("Stop with Ctrl-C.");
                out.flush();
                stop.await();
                out.println("Stopping.");
                out.flush();
            }
            return ExitCodes.OK;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    }

    /** Stops a running {@code serve} (as Ctrl-C does); for embedding and tests. */
    public void stop() {
        stop.countDown();
    }

    private static String version() {
        Package p = ServeCommand.class.getPackage();
        return p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "dev";
    }
}
