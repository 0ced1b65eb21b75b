package org.tfeval.cli.field;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.study.field.FieldBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval field bench}: check-in time of a keyed package, against importing the same cases as CSV. */
@Command(
        name = "bench",
        header = "Benchmark checking in a field package (not a test).",
        description = {
            "Generates one site's cases, imports them as CSV into one study (the baseline), keys the same cases on a"
                    + " laptop from a package of another study (one save per record), checks the package in, and"
                    + " reports both times. Then opens the keyed package on the laptop twice and times"
                    + " saves of one field in each: first the old way (every save reads all of the package's coding"
                    + " rows), then the way the laptop saves (only the rows that changed)."
        })
public final class FieldBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cases", defaultValue = "40", description = "Cases in the package (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Work folder, kept afterwards (default: a temporary folder, removed).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter pw = spec.commandLine().getOut();
        Path work = dir != null ? dir : Files.createTempDirectory("tfeval-field-bench-");
        try {
            FieldBench.Figures f = FieldBench.of(cases, seed).run(work);
            pw.printf(
                    Locale.ROOT,
                    "%d cases, %d records (cases, victims, suspects), %d change events in the package%n",
                    f.cases(),
                    f.records(),
                    f.events());
            pw.printf(
                    Locale.ROOT,
                    "baseline: CSV import of the same records (validated, audited): %.2f s%n",
                    f.csvSeconds());
            pw.printf(
                    Locale.ROOT,
                    "field check-in (decrypt, store each event once, merge, audit): %.2f s  ratio to CSV: %.2f%n",
                    f.checkinSeconds(),
                    f.checkinSeconds() / f.csvSeconds());
            pw.printf(
                    Locale.ROOT,
                    "(keying on the laptop, every save synced to the package: %.1f s)%n",
                    f.keyingSeconds());
            latency(pw, "before (each save reads every coding row)", f.allRows());
            latency(pw, "after (each save reads the rows that changed)", f.changedRows());
            pw.printf(
                    Locale.ROOT,
                    "save to the package, after/before (medians): %.2f%n",
                    f.changedRows().medianSyncMs() / f.allRows().medianSyncMs());
            pw.flush();
        } finally {
            if (dir == null) WorkFolders.deleteTree(work);
        }
        return ExitCodes.OK;
    }

    private static void latency(PrintWriter pw, String label, FieldBench.Latency l) {
        pw.printf(
                Locale.ROOT,
                "save latency %s: whole save median %.1f ms; save to the package median %.1f ms, max %.1f ms;"
                        + " %d of %d coding rows read per save (%d saves)%n",
                label,
                l.medianSaveMs(),
                l.medianSyncMs(),
                l.maxSyncMs(),
                l.rowsRead(),
                l.packageRows(),
                l.saves());
    }
}
