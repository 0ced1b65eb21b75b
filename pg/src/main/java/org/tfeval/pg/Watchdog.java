package org.tfeval.pg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Stops the embedded server when the JVM that started it dies without closing it (kill -9, out of
 * memory, power to the container cut): a small shell process that polls the owner and, once it is
 * gone, asks the postmaster for a fast shutdown, but only if the data folder's
 * {@code postmaster.pid} still names that very postmaster (a reused process id is left alone).
 */
final class Watchdog {
    /** How often the watchdog looks whether its owner is alive, in seconds. */
    static final String POLL_SECONDS = "0.5";

    private static final String SCRIPT = "while kill -0 \"$1\" 2>/dev/null; do sleep " + POLL_SECONDS + "; done;"
            + " read -r pid < \"$2/postmaster.pid\" 2>/dev/null && [ \"$pid\" = \"$3\" ] && kill -INT \"$3\"";

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** Watches this JVM on behalf of the postmaster {@code postmasterPid} serving {@code data}. */
    static Watchdog watch(Path data, long postmasterPid) throws IOException {
        Process p = new ProcessBuilder(List.of(
                        "sh",
                        "-c",
                        SCRIPT,
                        "tfeval-pg-watchdog",
                        Long.toString(ProcessHandle.current().pid()),
                        data.toString(),
                        Long.toString(postmasterPid)))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new Watchdog(p);
    }

    /** Ends the watchdog after the owner stopped the server itself. */
    void stop() {
        process.destroy();
    }
}
