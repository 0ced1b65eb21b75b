package org.tfeval.cli.measures;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.report.measures.MeasuresReport;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.study.Study;
import org.tfeval.study.measures.Measures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        header = "The performance-measures chapter and each task force's series beside the cross-site range.",
        description = {
            "Writes performance-measures.html|pdf (trends with funding cycles, year-over-year change, reported vs",
            "computed, the reconciliation table, task forces by feature) and task-forces/ID/performance-measures.html|pdf",
            "(other task forces anonymised, their figures from 1 to threshold - 1 withheld)."
        })
final class MeasuresReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder (default: reports/performance-measures in the study).")
    Path out;

    @Option(
            names = "--threshold",
            paramLabel = "N",
            description = "Smallest figure about other task forces shown (default: 11).")
    Integer threshold;

    @Option(names = "--no-pdf", description = "HTML only.")
    boolean noPdf;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Path dir = out != null ? out : s.folder().reports().resolve(MeasuresReport.CHAPTER);
            MeasuresReport.Written w = Measures.of(s)
                    .report(
                            dir,
                            threshold == null ? ComplementarySuppression.MINIMUM_CELL_SIZE : threshold,
                            !noPdf,
                            study.actor());
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("chapter: %s%n", w.chapter());
            if (w.chapterPdf() != null) pw.printf("         %s%n", w.chapterPdf());
            pw.printf("%d task-force reports in %s%n", w.taskForces().size(), dir.resolve("task-forces"));
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
