package org.tfeval.cli.participant;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "participant",
        header = "Interview participants: withdrawal, notices to package holders, survivor access.",
        subcommands = {
            ParticipantWithdrawCommand.class,
            ParticipantNoticesCommand.class,
            ParticipantAcknowledgeCommand.class,
            ParticipantGrantCommand.class,
            ParticipantSafetyCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused or bad data", "2:bad usage", "3:internal failure"})
public final class ParticipantCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
