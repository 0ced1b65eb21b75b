package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.qual.deid.ResidualScan;
import org.tfeval.study.Study;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "scan",
        header = "Scan rendered transcripts again with the rosters and patterns.",
        description = {
            "Lists each hit in the de-identified text (span, category, source) and whether a person already decided",
            "it (inside a token, or a rejected suggestion). Exit 1 when any hit is unreviewed: coding and every",
            "export of transcripts are refused until it is decided."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing unreviewed", "1:unreviewed hits", "2:bad usage", "3:internal failure"})
final class DeidScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(arity = "1..*", paramLabel = "INTERVIEW", description = "Interviews.")
    List<String> interviews;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Deidentification d = Deidentification.of(s);
            PrintWriter pw = spec.commandLine().getOut();
            int open = 0;
            for (String id : interviews) {
                List<ResidualScan.Hit> hits = d.scan(id);
                String text = d.rendered(id).text();
                int unreviewed = ResidualScan.unreviewed(hits).size();
                open += unreviewed;
                pw.printf("%s: %d hit(s), %d unreviewed%n", id, hits.size(), unreviewed);
                for (ResidualScan.Hit h : hits) {
                    pw.printf(
                            "  [%d-%d) %-13s %-24s %-10s %s%n",
                            h.span().start(),
                            h.span().end(),
                            h.category().label(),
                            h.source(),
                            h.reviewed() ? "reviewed" : "UNREVIEWED",
                            text.substring(
                                    text.offsetByCodePoints(0, h.span().start()),
                                    text.offsetByCodePoints(0, h.span().end())));
                }
            }
            pw.flush();
            return open == 0 ? ExitCodes.OK : ExitCodes.DATA_ERRORS;
        }
    }
}
