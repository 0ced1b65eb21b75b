package org.tfeval.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.tfeval.instrument.workflow.ProgressListener;

/** A progress bar on standard error: redrawn in place on a terminal, a line every few seconds otherwise. */
public final class ConsoleProgress implements ProgressListener {
    /** Redraw interval on a terminal. */
    static final long TERMINAL_INTERVAL_MS = 100;
    /** Line interval when output is not a terminal. */
    static final long LOG_INTERVAL_MS = 5000;

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private String lastTask = "";
    private long lastDraw;
    private final long start = System.nanoTime();

    public ConsoleProgress(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        long now = System.currentTimeMillis();
        boolean finished = total > 0 && done >= total;
        boolean newTask = !task.equals(lastTask);
        if (!finished && !newTask && now - lastDraw < (terminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS)) return;
        if (newTask && terminal && !lastTask.isEmpty()) err.println();
        lastTask = task;
        lastDraw = now;
        String line;
        if (total > 0) {
            double share = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(share * WIDTH);
            line = String.format(
                    Locale.ROOT,
                    "%-28s [%s%s] %5.1f%%",
                    shorten(task),
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    100 * share);
        } else {
            line = String.format(Locale.ROOT, "%-28s %,d", shorten(task), done);
        }
        line += String.format(Locale.ROOT, "  %.1fs", (System.nanoTime() - start) / 1e9);
        if (terminal) {
            err.print("\r" + line);
            if (finished) err.println();
        } else if (finished || newTask || now - lastDraw >= 0) {
            err.println(line);
        }
        err.flush();
    }

    private static String shorten(String s) {
        return s.length() <= 28 ? s : s.substring(0, 25) + "...";
    }
}
