package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.PassphraseOption;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.field.Field;
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
                    + " and wiped on stop; without a tmpfs at /dev/shm serve is refused unless --allow-disk-workdir."
                    + " A killed serve leaves no database running (a watchdog stops it) and its folder is removed on"
                    + " the next open. The key is derived from the passphrase (asked for, or"
                    + " TFEVAL_FIELD_PASSPHRASE) and kept in memory.",
            "Refused: an expired package; a package past its lease (renew it online: tfeval field renew); a laptop"
                    + " clock set back behind the last time the package was used. With --study (the study reachable"
                    + " from the laptop) a revoked device is refused as it opens. Offline, a laptop cannot learn of a"
                    + " revocation: a revoked device's package opens until its lease ends, and a coder who holds the"
                    + " passphrase can always read what the package holds.",
            "Sign in as the package's coder with the usual password. Stop with Ctrl-C."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped",
            "1:refused (expired, lease ended, clock set back, revoked, no tmpfs, wrong passphrase, changed)",
            "2:bad usage",
            "3:internal failure"
        })
public final class FieldServeCommand implements Callable<Integer> {
    /** How long shutdown waits for the server and the database to stop. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    PassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "FILE", description = "The package file.")
    Path file;

    @Option(
            names = "--port",
            defaultValue = "" + WebServer.DEFAULT_PORT,
            paramLabel = "N",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(
            names = "--study",
            paramLabel = "DIR",
            description = "The study, when the laptop can reach it: the device is checked (revoked, expired) before"
                    + " the package opens.")
    Path study;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "With --study: its PostgreSQL server instead of the study's database.")
    String db;

    @Option(
            names = "--allow-disk-workdir",
            description = "Without a tmpfs at /dev/shm, keep the working data in an owner-only folder on disk"
                    + " (plain while serve runs; wiped on stop, or on the next open after a crash).")
    boolean allowDiskWorkdir;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (db != null && study == null) throw Problem.usage("--db goes with --study", null);
        if (study != null) {
            try (Study s = Study.open(study, db);
                    Field.Opened f = Field.open(s)) {
                Field.Device d = f.field().admit(System.getProperty("user.name", "unknown"), file);
                out.printf("The study knows device %s: not revoked, lease until %s.%n", d.deviceId(), d.leaseUntil());
            }
        }
        FieldSession.Options options = FieldSession.Options.defaults().allowingDiskWorkdir(allowDiskWorkdir);
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
        try (FieldSession session =
                FieldSession.open(file, passphrase.read(Passphrase.Purpose.FIELD_PACKAGE, false), options)) {
            WebServer.Settings settings = WebServer.Settings.defaults()
                    .withHost(WebServer.DEFAULT_HOST)
                    .withPort(port)
                    .withVersion("field");
            try (WebServer server = WebServer.start(session.study(), settings, session::sync)) {
                out.printf(
                        "Field package of %s for %s: %s (sign in as %s; lease until %s; expires %s)%n",
                        session.taskForce(),
                        session.coder(),
                        server.uri(),
                        session.coder(),
                        session.leaseUntil(),
                        session.expiresAt());
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
