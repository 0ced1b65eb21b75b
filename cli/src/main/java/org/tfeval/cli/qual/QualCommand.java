package org.tfeval.cli.qual;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "qual",
        header =
                "Qualitative analysis: codebook changes, reliability rounds, theme matrices, REFI-QDA import and export.",
        subcommands = {
            QualAgreementCommand.class,
            QualMatrixCommand.class,
            QualExportCommand.class,
            QualImportCommand.class,
            QualCodebookCommand.class,
            QualRoundCommand.class,
            QualQuotesCommand.class,
            QualFrameworkCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused or bad data", "2:bad usage", "3:internal failure"})
public final class QualCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
