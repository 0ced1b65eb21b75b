package org.tfeval.cli.deid;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.cli.ExitCodes;
import org.tfeval.study.Study;
import org.tfeval.study.qual.ScriptedReview;
import org.tfeval.study.qual.SyntheticInterviews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        header =
                "Measure the suggestions on the demo corpus's planted identifiers, and the scripted review (not a test).",
        description = {
            "Creates a SYNTHETIC study in a work folder, loads the demo's interview corpus (which imports, suggests,",
            "and reviews every transcript as a scripted reviewer against the planted list), and reports recall and",
            "precision of the suggestions by kind of planted identifier, recall after review, and the reviewer's",
            "decisions per transcript."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "2:bad usage", "3:internal failure"})
final class DeidBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sites", defaultValue = "10", description = "Task forces (default: ${DEFAULT-VALUE}).")
    int sites;

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
        Path work = dir != null ? dir : Files.createTempDirectory("tfeval-deid-bench-");
        try {
            ScriptedReview.Figures f;
            try (Study s = Study.create(work.resolve("study"), "ecm", true, null)) {
                f = SyntheticInterviews.withSeed(seed)
                        .run(s, work.resolve("corpus"), sites, "bench", new ConsoleProgress(System.err))
                        .deidentification();
            }
            pw.printf(
                    Locale.ROOT, "%-7s %8s %8s %10s %13s%n", "kind", "planted", "recall", "precision", "after review");
            for (Map.Entry<String, ScriptedReview.Figure> e : f.byKind().entrySet()) {
                ScriptedReview.Figure x = e.getValue();
                pw.printf(
                        Locale.ROOT,
                        "%-7s %8d %8.3f %10.3f %13.3f%n",
                        e.getKey(),
                        x.planted(),
                        x.recall(),
                        x.precision(),
                        x.recallAfterReview());
            }
            pw.printf(
                    Locale.ROOT,
                    "scripted review of %d transcripts: %d accepted, %d edited, %d rejected, %d added;"
                            + " %.2f decisions per transcript (max %d); %.1f ms per transcript%n",
                    f.transcripts(),
                    f.accepted(),
                    f.edited(),
                    f.rejected(),
                    f.added(),
                    f.decisionsPerTranscript(),
                    f.maxDecisions(),
                    (double) f.reviewMillis() / Math.max(1, f.transcripts()));
            pw.flush();
            return ExitCodes.OK;
        } finally {
            if (dir == null) {
                try (var walk = Files.walk(work)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }
}
