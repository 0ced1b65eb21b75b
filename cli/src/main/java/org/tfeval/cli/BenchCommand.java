package org.tfeval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.study.bench.BackboneBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        header = "Benchmark the backbone on a generated study (not a test).",
        description = {
            "Generation, a raw PostgreSQL COPY of the same rows into the same typed tables as the baseline, tfeval's validated",
            "import, whole-study validation and a snapshot, in one run; reports rows/s and the ratio to the baseline."
        })
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cases", defaultValue = "1000000", description = "Cases (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--sites", defaultValue = "50", description = "Task forces (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Work folder, created when missing, kept afterwards (default: a temporary folder, removed).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter pw = spec.commandLine().getOut();
        Path work = dir != null ? dir : Files.createTempDirectory("tfeval-bench-");
        try {
            BackboneBench.Figures f = BackboneBench.of(cases, sites, seed)
                    .withProgress(new ConsoleProgress(System.err))
                    .run(work);
            pw.printf(Locale.ROOT, "generate %d cases / %d sites: %.1f s%n", f.cases(), f.sites(), f.generateSeconds());
            f.forms().forEach(x -> pw.printf(Locale.ROOT, "  %-10s %,10d rows%n", x.form(), x.rows()));
            pw.printf(
                    Locale.ROOT,
                    "raw COPY (baseline, no validation): %,.0f rows/s (%.1f s)%n",
                    f.rows() / f.rawSeconds(),
                    f.rawSeconds());
            pw.printf(
                    Locale.ROOT,
                    "tfeval import (validated, audited): %,.0f rows/s (%.1f s)  ratio to raw COPY: %.2f%n",
                    f.rows() / f.importSeconds(),
                    f.importSeconds(),
                    f.rawSeconds() / f.importSeconds());
            pw.printf(Locale.ROOT, "validate: %.1f s (%d errors)%n", f.validateSeconds(), f.validationErrors());
            pw.printf(Locale.ROOT, "snapshot: %.1f s%n", f.snapshotSeconds());
            pw.flush();
        } finally {
            if (dir == null) deleteTree(work);
        }
        return ExitCodes.OK;
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
