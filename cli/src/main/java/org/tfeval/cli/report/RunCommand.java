package org.tfeval.cli.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.cli.Tfeval;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.report.ReportSet;
import org.tfeval.report.Reports;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.Snapshotter;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.store.validate.ReportWriter;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.store.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval run}: validate, snapshot, analyse, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The whole evaluation in one go, with progress: validate the study (reports/validation.html), freeze it into a snapshot",
                "(refused while validation errors remain, unless --allow-errors, which the manifest records), run every analysis on the",
                "snapshot and write every report (see tfeval report) into STUDY/reports/snapshot-ID."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:validated, snapshot taken, reports written", "1:validation errors: no snapshot, no reports (see reports/validation.html)",
                "2:bad usage (no study, unreadable benchmark, bad option)", "3:internal failure"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--allow-errors", description = "Take the snapshot despite validation errors (recorded in the manifest and stated in every report).")
    boolean allowErrors;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the reports (default: STUDY/reports/snapshot-ID).")
    Path out;

    @Mixin
    ReportOptions options;

    /** Seconds per phase of the last run, in order. */
    final Map<String, Double> phases = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        Reports reports = options.reports(progress).warmUp();
        try (var session = study.open()) {
            AnalysisSettings settings = options.settings();
            long t = System.nanoTime();
            ValidationReport report = StudyValidator.of(session.store()).withProgress(progress).validate();
            Path reportsDir = session.workspace().dir().resolve("reports");
            ReportWriter.writeJson(report, reportsDir.resolve("validation.json"));
            ReportWriter.writeHtml(report, reportsDir.resolve("validation.html"));
            t = phase("validate", t);
            pw.printf(Locale.ROOT, "Validated: %d errors, %d warnings (%s)%n", report.errors(), report.warnings(), reportsDir.resolve("validation.html"));
            Snapshot sn = Snapshotter.of(session.store()).withActor(study.actor()).withAllowErrors(allowErrors)
                    .withSynthetic(session.workspace().synthetic()).withVersion(Tfeval.version()).withProgress(progress)
                    .take(session.workspace().dir().resolve("snapshots"), report);
            t = phase("snapshot", t);
            pw.printf(Locale.ROOT, "Snapshot %s%s%n", sn.id(), sn.allowErrors() ? " (taken with " + report.errors()
                    + " validation errors: --allow-errors, recorded in the manifest)" : "");
            Path dir = out != null ? out : defaultOut(session.workspace().dir(), sn);
            ReportSet set = reports.build(sn, settings, Tfeval.version(), dir);
            phase("analyses and reports", t);
            print(pw, sn, set);
            pw.printf(Locale.ROOT, "Done in %.1f s (%s).%n", (System.nanoTime() - start) / 1e9, String.join(", ", phases.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue())).toList()));
            pw.flush();
            return ExitCodes.OK;
        } catch (Snapshotter.RefusedException e) {
            err.println("tfeval run: " + e.getMessage() + "; no reports written");
            err.flush();
            return ExitCodes.DATA_ERRORS;
        } catch (IllegalArgumentException e) {
            err.println("tfeval run: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("no study")) throw e;
            err.println("tfeval run: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    private long phase(String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1e9);
        return now;
    }

    /** Where a snapshot's reports go by default: {@code STUDY/reports/snapshot-<first 12 characters of the ID>}. */
    public static Path defaultOut(Path studyDir, Snapshot snapshot) {
        return studyDir.resolve("reports").resolve("snapshot-" + ContentHash.shortId(snapshot.id()));
    }

    /**
     * Runs every analysis on a snapshot and writes every report with the default settings (the
     * illustrative benchmark, threshold 11, HTML and PDF) into {@link #defaultOut}; prints where they
     * are. For {@code tfeval demo}, after its snapshot.
     */
    public static ReportSet buildReports(Snapshot snapshot, Path studyDir, PrintWriter out, ProgressListener progress) {
        ReportSet set = Reports.standard().withProgress(progress).build(snapshot, AnalysisSettings.defaults(), Tfeval.version(),
                defaultOut(studyDir, snapshot));
        print(out, snapshot, set);
        return set;
    }

    static void print(PrintWriter pw, Snapshot sn, ReportSet set) {
        pw.printf("Reports of snapshot %s in %s%n", ContentHash.shortId(sn.id()), set.dir());
        pw.printf("  %s%s%n", set.technicalHtml().getFileName(), set.technicalPdf() != null ? ", " + set.technicalPdf().getFileName() : "");
        pw.printf("  %s%s%n", set.briefHtml().getFileName(), set.briefPdf() != null ? ", " + set.briefPdf().getFileName() : "");
        pw.printf("  %d task-force reports in %s/%n", set.taskForces().size(), Reports.TASK_FORCES);
        pw.printf("  result tables (JSON) in %s/, index %s%n", Reports.RESULTS, set.index().getFileName());
        pw.flush();
    }
}
