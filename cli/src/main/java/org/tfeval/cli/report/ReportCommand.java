package org.tfeval.cli.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.cli.Tfeval;
import org.tfeval.report.ReportSet;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval report}: every analysis and report of one snapshot. */
@Command(
        name = "report",
        header = "Run every analysis on a snapshot and write the reports.",
        description = {
            "The cross-site technical report (HTML and PDF), one report per task force (other task forces anonymized, their",
            "small counts withheld), the two-page practitioner brief, and the result tables as JSON (results/) beside them.",
            "Every number in a report traces to a result table and the snapshot's hash."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the reports were written",
            "2:bad usage (unknown snapshot, unreadable benchmark, bad option, a folder holding other files)",
            "3:internal failure"
        })
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(
            names = "--snapshot",
            required = true,
            paramLabel = "ID",
            description =
                    "The snapshot: its ID or a unique prefix (under the study's snapshots/), or a snapshot folder.")
    String snapshot;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder for the reports (default: STUDY/reports/snapshot-ID).")
    Path out;

    @Mixin
    ReportOptions options;

    @Override
    public Integer call() {
        StudyFolder folder = study.folder();
        Snapshot sn = folder.snapshot(snapshot);
        long start = System.nanoTime();
        ReportSet set = folder.buildReports(
                sn, options.reports(new ConsoleProgress(System.err)), options.settings(), Tfeval.version(), out);
        RunCommand.print(spec.commandLine().getOut(), sn, set);
        spec.commandLine().getOut().printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
