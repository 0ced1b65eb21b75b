package org.tfeval.cli.qual;

import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.qual.transcript.TranscriptState;
import org.tfeval.study.Study;
import org.tfeval.study.qual.Interviews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "state",
        header = "Move an interview's newest transcript to the next state (imported, deidentified, reviewed, codable).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:moved", "1:the workflow refuses the move", "2:bad usage", "3:internal failure"})
final class TranscriptsStateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "INTERVIEW", description = "The interview.")
    String interview;

    @Option(names = "--to", required = true, paramLabel = "STATE", description = "deidentified, reviewed or codable.")
    TranscriptState target;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            TranscriptState now = Interviews.of(s).moveTo(interview, target, study.actor());
            spec.commandLine().getOut().printf("%s: %s%n", interview, now.label());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
