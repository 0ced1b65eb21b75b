package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.OutputFormat;
import org.tfeval.cli.StudyOptions;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import org.tfeval.study.qual.QualAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "quotes",
        header = "Drill down from a matrix cell to its quotes (reviewed, de-identified, consented).",
        description = {
            "The coded segments of one code (one group, one site), from codable transcripts of participants whose",
            "consent allows quotes; withdrawn participants never. Without --restricted a cell with fewer interviewees",
            "than the minimum cell size is refused and no interview IDs are shown."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:refused", "2:bad usage", "3:internal failure"})
final class QualQuotesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--code", required = true, paramLabel = "C", description = "The code.")
    String code;

    @Option(names = "--group", paramLabel = "G", description = "Stakeholder group (label or number).")
    String group;

    @Option(names = "--site", paramLabel = "TF", description = "Only this task force.")
    String site;

    @Option(names = "--restricted", description = "Restricted tier: small cells too, with interview IDs.")
    boolean restricted;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            List<QualAnalysis.Quote> quotes = QualAnalysis.of(s)
                    .quotes(
                            code,
                            group,
                            site,
                            restricted ? ThemeMatrix.Audience.RESTRICTED : ThemeMatrix.Audience.PUBLISHED);
            PrintWriter pw = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (QualAnalysis.Quote q : quotes) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (q.interviewId() != null) m.put("interview", q.interviewId());
                    m.put("group", q.group());
                    m.put("site", q.site());
                    m.put("code", q.code());
                    m.put("text", q.text());
                    rows.add(m);
                }
                pw.println(StudyJson.pretty(rows));
            } else {
                for (QualAnalysis.Quote q : quotes) {
                    pw.printf(
                            "%s(%s, %s) \u201C%s\u201D%n",
                            q.interviewId() == null ? "" : q.interviewId() + " ", q.group(), q.site(), q.text());
                }
                pw.printf("%d quote(s)%n", quotes.size());
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
