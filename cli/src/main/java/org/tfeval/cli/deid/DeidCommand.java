package org.tfeval.cli.deid;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "deid",
        header = "De-identify transcripts: suggest, review, render, scan, approve, release.",
        description = {
            "imported -> (suggest, review) -> render -> de-identified -> approve (a second person) -> reviewed ->",
            "release -> codable. Originals are sealed under each participant's key; every read of words is audited."
        },
        subcommands = {
            DeidSuggestCommand.class,
            DeidStatusCommand.class,
            DeidReviewCommand.class,
            DeidRenderCommand.class,
            DeidScanCommand.class,
            DeidApproveCommand.class,
            DeidReleaseCommand.class,
            DeidReopenCommand.class,
            DeidRosterCommand.class,
            DeidKeyMapCommand.class,
            DeidCleanCommand.class,
            DeidBenchCommand.class,
            DeidReviseCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused or bad data", "2:bad usage", "3:internal failure"})
public final class DeidCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
