package org.tfeval.cli.deid;

import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;

@Command(
        name = "reopen",
        header = "Send a de-identified or reviewed transcript back to review (state imported).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reopened", "1:refused by the workflow", "2:bad usage", "3:internal failure"})
final class DeidReopenCommand extends DeidStepCommand {
    @Override
    String step(Deidentification d, String interview, String actor) {
        d.reopen(interview, actor, Role.PRIVACY_OFFICER);
        return ": imported";
    }
}
