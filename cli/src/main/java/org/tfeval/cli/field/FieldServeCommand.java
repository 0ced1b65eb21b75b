package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tfeval.cli.ExitCodes;
import org.tfeval.study.field.FieldSession;
import org.tfeval.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tfeval field serve}: the coding screens from a package, on the laptop, without a network. */
@Command(
        name = "serve",
        header = "Run the coding screens from a field package on this laptop (127.0.0.1 only, no network).",
        description = {
            "The package is the only place data is kept: every save is appended to it encrypted and forced to disk"
                    + " before it is acknowledged, so switching the laptop off loses nothing saved. The working"
                    + " database is rebuilt from the package on start (in memory where the system has /dev/shm)"
                    + " and wiped on stop. The key is derived from the passphrase (asked for, or"
                    + " TFEVAL_FIELD_PASSPHRASE) and kept in memory. Expired packages are refused.",
            "Sign in as the package's coder with the usual password. Stop with Ctrl-C."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped",
            "1:refused (expired, wrong passphrase, changed)",
            "2:bad usage",
            "3:internal failure"
        })
public final class FieldServeCommand implements Callable<Integer> {
    /** How long shutdown waits for the server and the database to stop. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    FieldPassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "FILE", description = "The package file.")
    Path file;

    @Option(
            names = "--port",
            defaultValue = "" + WebServer.DEFAULT_PORT,
            paramLabel = "N",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        stopped.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "tfeval-field-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (FieldSession session = FieldSession.open(file, passphrase.read(false), null, Clock.systemUTC())) {
            WebServer.Settings settings = WebServer.Settings.defaults()
                    .withHost(WebServer.DEFAULT_HOST)
                    .withPort(port)
                    .withVersion("field");
            try (WebServer server = WebServer.start(session.study(), settings, session::sync)) {
                out.printf(
                        "Field package of %s for %s: %s (sign in as %s; expires %s)%n",
                        session.taskForce(), session.coder(), server.uri(), session.coder(), session.expiresAt());
                if (session.droppedBytes() > 0)
                    out.println("A save cut off when the laptop last stopped was dropped (it was never acknowledged).");
                out.println("Stop with Ctrl-C.");
                out.flush();
                stop.await();
                out.println("Stopping; the package is saved.");
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

    /** Stops a running serve (as Ctrl-C does); for embedding and tests. */
    public void stop() {
        stop.countDown();
    }
}
