package org.tfeval.cli.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.cli.Tfeval;
import org.tfeval.report.ReportSet;
import org.tfeval.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval report}: every analysis of a snapshot, then every report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Run every analysis on a snapshot and write the reports: the cross-site technical report (HTML and PDF), one report per",
                "task force (other task forces anonymized, their small counts withheld), the two-page practitioner brief, and the result",
                "tables as JSON (results/) beside them. Every number in a report traces to a result table and the snapshot's hash."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the reports were written", "2:bad usage (unknown snapshot, unreadable benchmark, bad option)", "3:internal failure"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--snapshot", required = true, paramLabel = "ID",
            description = "The snapshot: its ID or a unique prefix (under the study's snapshots/), or a snapshot folder.")
    String snapshot;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the reports (default: STUDY/reports/snapshot-ID).")
    Path out;

    @Mixin
    ReportOptions options;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Snapshot sn = find(study, snapshot);
            Path dir = out != null ? out : RunCommand.defaultOut(study.workspace().dir(), sn);
            ConsoleProgress progress = new ConsoleProgress(System.err);
            long start = System.nanoTime();
            ReportSet set = options.reports(progress).build(sn, options.settings(), Tfeval.version(), dir);
            RunCommand.print(spec.commandLine().getOut(), sn, set);
            spec.commandLine().getOut().printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("tfeval report: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("no study")) throw e;
            err.println("tfeval report: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /** A snapshot by folder, or by ID or prefix under the study's snapshots. */
    static Snapshot find(StudyOptions study, String idOrFolder) {
        Path asFolder = Path.of(idOrFolder);
        if (Files.exists(asFolder.resolve(Snapshot.MANIFEST))) return Snapshot.open(asFolder);
        return Snapshot.find(study.workspace().dir().resolve("snapshots"), idOrFolder);
    }
}
