package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.OutputFormat;
import org.tfeval.cli.StudyOptions;
import org.tfeval.qual.deid.Status;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        header = "Each transcript's state, its suggestions by status and its unreviewed residual-scan hits.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:bad usage", "3:internal failure"})
final class DeidStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--format", defaultValue = "text", description = "Output: text or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            List<Deidentification.TranscriptStatus> all = Deidentification.of(s).status();
            PrintWriter pw = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Deidentification.TranscriptStatus t : all) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("interview", t.interviewId());
                    m.put("version", t.version());
                    m.put("state", t.state().label());
                    for (Status st : Status.values())
                        m.put(st.label(), t.byStatus().getOrDefault(st, 0L));
                    m.put("residual", t.residual());
                    rows.add(m);
                }
                pw.println(StudyJson.pretty(rows));
            } else {
                pw.printf(
                        "%-14s %3s %-13s %9s %8s %8s %6s %5s %8s%n",
                        "interview", "v", "state", "suggested", "accepted", "rejected", "edited", "added", "residual");
                for (Deidentification.TranscriptStatus t : all) {
                    pw.printf(
                            "%-14s %3d %-13s %9d %8d %8d %6d %5d %8d%n",
                            t.interviewId(),
                            t.version(),
                            t.state().label(),
                            t.byStatus().getOrDefault(Status.SUGGESTED, 0L),
                            t.byStatus().getOrDefault(Status.ACCEPTED, 0L),
                            t.byStatus().getOrDefault(Status.REJECTED, 0L),
                            t.byStatus().getOrDefault(Status.EDITED, 0L),
                            t.byStatus().getOrDefault(Status.ADDED, 0L),
                            t.residual());
                }
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
