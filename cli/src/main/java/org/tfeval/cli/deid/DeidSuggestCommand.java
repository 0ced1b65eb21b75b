package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "suggest",
        header = "Suggest identifiers again (rosters, patterns, speaker labels) in imported transcripts.",
        description = {
            "Import already suggests; run this after the roster grows. Undecided suggestions are replaced,",
            "decisions are kept. Without INTERVIEW, every transcript still in state imported."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:suggested", "1:refused", "2:bad usage", "3:internal failure"})
final class DeidSuggestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(arity = "0..*", paramLabel = "INTERVIEW", description = "Interviews (default: all imported).")
    List<String> interviews;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Deidentification d = Deidentification.of(s);
            List<Deidentification.Suggested> out = interviews == null || interviews.isEmpty()
                    ? d.suggestAll(study.actor())
                    : d.suggest(interviews, study.actor());
            PrintWriter pw = spec.commandLine().getOut();
            for (Deidentification.Suggested x : out) {
                pw.printf(
                        "%s v%d: %d suggested, %d decided before%n",
                        x.interviewId(), x.version(), x.suggested(), x.decided());
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
