package org.tfeval.cli.deid;

import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;

@Command(
        name = "release",
        header = "Release reviewed transcripts for coding (the residual scan runs again).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:released", "1:refused by the workflow", "2:bad usage", "3:internal failure"})
final class DeidReleaseCommand extends DeidStepCommand {
    @Override
    String step(Deidentification d, String interview, String actor) {
        d.release(interview, actor, Role.PRIVACY_OFFICER);
        return ": codable";
    }
}
