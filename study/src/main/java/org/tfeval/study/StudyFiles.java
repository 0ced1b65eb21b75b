package org.tfeval.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.release.pipeline.ReleaseResult;
import org.tfeval.report.ReportSet;
import org.tfeval.report.Reports;
import org.tfeval.snapshot.Snapshot;

/** The preconditions on target folders of the use cases that write files. */
final class StudyFiles {
    /** The file every report set has; a folder holding it is a previous report set that may be rewritten. */
    static final String REPORT_INDEX = "index.html";

    private StudyFiles() {}

    static ReportSet reports(
            StudyFolder folder,
            Snapshot snapshot,
            Reports reports,
            AnalysisSettings settings,
            String version,
            Path out) {
        Path dir = out != null ? out : folder.reportsOf(snapshot.id());
        if (out != null && !emptyOrAbsent(dir) && !Files.exists(dir.resolve(REPORT_INDEX))) {
            throw Problem.usage("the report folder " + out + " holds other files", "choose a new or empty folder");
        }
        return reports.build(snapshot, settings, version, dir);
    }

    static ReleaseResult release(ReleaseBuilder builder, Path out) {
        if (!emptyOrAbsent(out)) {
            throw Problem.usage(
                    "the release folder " + out + " already exists and is not empty", "choose a new folder");
        }
        try {
            return builder.build(out);
        } catch (IOException e) {
            throw Problem.internal("cannot write the release package " + out + " (" + e.getMessage() + ")", e);
        }
    }

    static boolean emptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) return true;
        if (!Files.isDirectory(dir)) return false;
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes a study folder that creation left half-made: the whole folder if it did not exist before, else what is in it. */
    static void removeCreated(Path dir, boolean existed) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder())
                    .filter(p -> !existed || !p.equals(dir))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: the original failure is what the user needs to see
        }
    }
}
