package org.tfeval.cli.qual;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "transcripts",
        header = "Import interview transcripts (they then go through tfeval deid).",
        subcommands = {TranscriptsImportCommand.class, TranscriptsShowCommand.class},
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
