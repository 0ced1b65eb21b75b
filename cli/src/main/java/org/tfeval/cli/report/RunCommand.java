package org.tfeval.cli.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.cli.Tfeval;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.report.ReportSet;
import org.tfeval.report.Reports;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval run}: validate, snapshot, analyse, report. */
@Command(
        name = "run",
        header = "The whole evaluation in one go: validate, snapshot, analyses, every report.",
        description = {
            "Validates the study (reports/validation.html), freezes it into a snapshot (refused while data-quality queries are open,",
            "and while validation errors remain unless --allow-errors, which the manifest records), runs every analysis on the",
            "snapshot and writes every report (see tfeval report) into STUDY/reports/snapshot-ID."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:validated, snapshot taken, reports written",
            "1:refused: validation errors or open data-quality queries; no snapshot, no reports (see reports/validation.html)",
            "2:bad usage (no study, unreadable benchmark, bad option)",
            "3:internal failure"
        })
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(
            names = "--allow-errors",
            description =
                    "Take the snapshot despite validation errors (recorded in the manifest and stated in every report).")
    boolean allowErrors;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder for the reports (default: STUDY/reports/snapshot-ID).")
    Path out;

    @Option(
            names = "--draw",
            paramLabel = "ID",
            description = {
                "Override: weight the shares by the frames of this recorded sample draw counted from its case list",
                "(with --frame): frame cases / coded cases per task force. By default the weights come from the",
                "snapshot's recorded draw (frame sizes stored with it); without one every case weighs 1."
            })
    Long draw;

    @Option(
            names = "--frame",
            paramLabel = "FILE",
            description = "The case list the --draw sample was drawn from (checked against the draw's SHA-256).")
    Path frame;

    @Mixin
    ReportOptions options;

    /** Seconds per phase of the last run, in order. */
    final Map<String, Double> phases = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        long start = System.nanoTime();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        Reports reports = options.reports(progress).warmUp();
        if ((draw == null) != (frame == null))
            throw org.tfeval.instrument.workflow.Problem.usage(
                    "--draw and --frame go together", "give the draw's ID and the case list it was drawn from");
        try (Study s = study.open()) {
            org.tfeval.analysis.AnalysisSettings settings = options.settings();
            if (draw != null) settings = settings.withFrames(s.sampleFrames(draw, frame));
            pw.printf(
                    Locale.ROOT,
                    "Weights: %s%n",
                    draw == null
                            ? "from the snapshot's recorded draw (case-list cases / drawn entries coded per task force;"
                                    + " equal when there is none)"
                            : "frame cases / coded cases per task force, frames of draw " + draw + " "
                                    + settings.frames());
            long t = System.nanoTime();
            Study.Frozen f = s.freeze(new Study.Freeze(study.actor(), allowErrors, Tfeval.version()), progress);
            t = phase("validate and snapshot", t);
            var v = f.validation();
            pw.printf(
                    Locale.ROOT,
                    "Validated: %d errors, %d warnings (%s)%n",
                    v.report().errors(),
                    v.report().warnings(),
                    v.html());
            Snapshot sn = f.snapshot();
            pw.printf(
                    Locale.ROOT,
                    "Snapshot %s%s%n",
                    sn.id(),
                    sn.allowErrors()
                            ? " (taken with " + v.report().errors()
                                    + " validation errors: --allow-errors, recorded in the manifest)"
                            : "");
            ReportSet set = s.reports(sn, reports, settings, Tfeval.version(), out);
            phase("analyses and reports", t);
            print(pw, sn, set);
            pw.printf(
                    Locale.ROOT,
                    "Done in %.1f s (%s).%n",
                    (System.nanoTime() - start) / 1e9,
                    String.join(
                            ", ",
                            phases.entrySet().stream()
                                    .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                                    .toList()));
            pw.flush();
            return ExitCodes.OK;
        }
    }

    private long phase(String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1e9);
        return now;
    }

    /** Prints where a report set is. */
    public static void print(PrintWriter pw, Snapshot sn, ReportSet set) {
        pw.printf("Reports of snapshot %s in %s%n", ContentHash.shortId(sn.id()), set.dir());
        pw.printf(
                "  %s%s (RESTRICTED: names task forces)%n",
                set.technicalHtml().getFileName(),
                set.technicalPdf() != null ? ", " + set.technicalPdf().getFileName() : "");
        // editions (issue 10 item 8): the public edition of the technical report
        pw.printf(
                "  %s%s (public edition)%n",
                set.publicTechnicalHtml().getFileName(),
                set.publicTechnicalPdf() != null
                        ? ", " + set.publicTechnicalPdf().getFileName()
                        : "");
        pw.printf(
                "  %s%s%n",
                set.briefHtml().getFileName(),
                set.briefPdf() != null ? ", " + set.briefPdf().getFileName() : "");
        pw.printf("  %d task-force reports in %s/%n", set.taskForces().size(), Reports.TASK_FORCES);
        pw.printf(
                "  result tables (JSON) in %s/, index %s%n",
                Reports.RESULTS, set.index().getFileName());
        pw.flush();
    }
}
