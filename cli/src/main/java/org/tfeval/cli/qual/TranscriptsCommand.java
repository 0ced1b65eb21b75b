package org.tfeval.cli.qual;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "transcripts",
        header = "Import interview transcripts and move them through de-identification and review.",
        subcommands = {TranscriptsImportCommand.class, TranscriptsStateCommand.class, TranscriptsShowCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused or bad data", "2:bad usage", "3:internal failure"})
public final class TranscriptsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
