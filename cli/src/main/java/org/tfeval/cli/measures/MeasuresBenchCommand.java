package org.tfeval.cli.measures;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.study.measures.MeasuresBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        header = "Benchmark measure import and reports (not a test): raw COPY baseline vs tfeval, in one run.",
        description = {
            "Generates task forces x years x measures as one measure file, COPYs it raw into an untyped table",
            "(baseline), imports it with tfeval (validated, audited), imports it again (idempotent), reconciles",
            "and writes the reports."
        })
final class MeasuresBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--task-forces", defaultValue = "50", description = "Task forces (default: ${DEFAULT-VALUE}).")
    int taskForces;

    @Option(names = "--years", defaultValue = "15", description = "Fiscal years (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--measures", defaultValue = "40", description = "Measures (default: ${DEFAULT-VALUE}).")
    int measures;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pdf", description = "Also lay out the reports as PDF.")
    boolean pdf;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Work folder, kept afterwards (default: a temporary folder, removed).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter pw = spec.commandLine().getOut();
        Path work = dir != null ? dir : Files.createTempDirectory("tfeval-measures-bench-");
        if (dir == null) Files.delete(work);
        try {
            MeasuresBench.Figures f = MeasuresBench.defaults()
                    .withSize(taskForces, years, measures)
                    .withSeed(seed)
                    .withPdf(pdf)
                    .run(work);
            pw.printf(
                    Locale.ROOT,
                    "%d task forces x %d years x %d measures: %,d rows (generated in %.1f s)%n",
                    f.taskForces(),
                    f.years(),
                    f.measures(),
                    f.rows(),
                    f.generateSeconds());
            pw.printf(
                    Locale.ROOT,
                    "raw COPY (baseline, no validation): %,.0f rows/s (%.1f s)%n",
                    f.rows() / f.rawCopySeconds(),
                    f.rawCopySeconds());
            pw.printf(
                    Locale.ROOT,
                    "tfeval import (validated, audited): %,.0f rows/s (%.1f s)  ratio to raw COPY: %.2f%n",
                    f.rows() / f.importSeconds(),
                    f.importSeconds(),
                    f.rawCopySeconds() / f.importSeconds());
            pw.printf(Locale.ROOT, "same file again (idempotent, nothing stored): %.1f s%n", f.reimportSeconds());
            pw.printf(Locale.ROOT, "reconcile: %.1f s (%d flagged)%n", f.reconcileSeconds(), f.flagged());
            pw.printf(
                    Locale.ROOT,
                    "reports (%d documents%s): %.1f s%n",
                    f.reports(),
                    pdf ? ", HTML and PDF" : ", HTML",
                    f.reportSeconds());
            pw.printf(
                    Locale.ROOT,
                    "snapshot freezing the measures (tfeval snapshot): %.1f s; technical-report chapter read from it: %.1f s%n",
                    f.snapshotSeconds(),
                    f.chapterSeconds());
            pw.flush();
        } finally {
            if (dir == null && Files.exists(work)) {
                try (var s = Files.walk(work)) {
                    s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
                }
            }
        }
        return ExitCodes.OK;
    }
}
