package org.tfeval.study;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.stats.InvalidInputException;

/**
 * What any failure means to a user, as a {@link Problem}: the classification both edges (the CLI's
 * exit codes, the web's statuses) start from, so they cannot drift apart.
 */
public final class Problems {
    private Problems() {}

    /**
     * The problem a failure is: a {@link Problem} as it is; rejected input to the statistics engine
     * and rejected arguments (which at the edges come from the user's options) as usage; a port already
     * in use as usage; a file that does not exist or cannot be read as usage naming the file; anything
     * else as internal.
     */
    public static Problem of(Throwable e) {
        if (e instanceof Problem) return (Problem) e;
        if (e instanceof InvalidInputException || e instanceof IllegalArgumentException)
            return new Problem.Usage(message(e), null, e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new Problem.Usage(
                        "the port is in use (" + message(t) + ")", "choose another with --port (0: any free port)", e);
            }
        }
        Throwable io = e instanceof UncheckedIOException ? e.getCause() : e;
        if (io instanceof NoSuchFileException)
            return new Problem.Usage("no such file: " + ((NoSuchFileException) io).getFile(), null, e);
        if (io instanceof AccessDeniedException)
            return new Problem.Usage(
                    "cannot read " + ((AccessDeniedException) io).getFile() + " (permission denied)", null, e);
        return new Problem.Internal(message(e), null, e);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
