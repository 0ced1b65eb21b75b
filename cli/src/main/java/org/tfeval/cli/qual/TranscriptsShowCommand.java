package org.tfeval.cli.qual;

import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.qual.Interviews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "show",
        header = "Print an interview's newest transcript, if the acting login may read it.",
        description = {
            "Survivor transcripts are shown only to accounts granted survivor access (the login name decides, not a"
                    + " --user claim); coders see only their assignments. Every view of a survivor transcript is audited."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:not found (no transcript this login may read) or bad usage", "3:internal failure"
        })
final class TranscriptsShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "INTERVIEW", description = "The interview.")
    String interview;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Interviews.TranscriptView t = Interviews.of(s).transcript(interview, study.actor());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s version %d (%s)%n%s%n",
                            t.interviewId(), t.version(), t.state().label(), t.text());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
