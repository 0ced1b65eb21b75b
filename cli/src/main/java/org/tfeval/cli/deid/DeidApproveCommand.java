package org.tfeval.cli.deid;

import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;

@Command(
        name = "approve",
        header =
                "Mark de-identified transcripts reviewed (a second person; refused while the residual scan has unreviewed hits).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:approved", "1:refused by the workflow", "2:bad usage", "3:internal failure"})
final class DeidApproveCommand extends DeidStepCommand {
    @Override
    String step(Deidentification d, String interview, String actor) {
        d.markReviewed(interview, actor, Role.PRIVACY_OFFICER);
        return ": reviewed";
    }
}
