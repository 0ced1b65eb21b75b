package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "clean",
        header = "Administrator's override: declare an already-clean transcript codable (audited with the reason).",
        description = {
            "Refused unless nothing at all is suggested in the transcript (rosters, patterns, speaker labels)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:codable", "1:refused (not clean, or not imported)", "2:bad usage", "3:internal failure"})
final class DeidCleanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "INTERVIEW", description = "The interview.")
    String interview;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the text needs no review.")
    String reason;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Deidentification.of(s).declareClean(interview, reason, study.actor(), Role.ADMINISTRATOR);
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("%s: declared clean, codable%n", interview);
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
