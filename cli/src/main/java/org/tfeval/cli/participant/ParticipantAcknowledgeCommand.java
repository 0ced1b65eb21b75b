package org.tfeval.cli.participant;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.protect.OutputRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "acknowledge",
        header = "Record that a package holder acknowledged a withdrawal notice.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "2:bad usage (unknown notice)", "3:internal failure"})
final class ParticipantAcknowledgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "NOTICE", description = "The notice (for example W1-N1).")
    String notice;

    @Option(names = "--holder", required = true, paramLabel = "NAME", description = "Who acknowledged it.")
    String holder;

    @Override
    public Integer call() {
        OutputRegister.Notice n = OutputRegister.of(study.folder().dir()).acknowledge(notice, holder, Instant.now());
        spec.commandLine().getOut().printf("Notice %s acknowledged by %s%n", n.id(), n.acknowledgedBy());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
