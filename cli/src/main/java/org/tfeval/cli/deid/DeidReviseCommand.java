package org.tfeval.cli.deid;

import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "revise",
        header = "Correct a codable transcript by a new reviewed version made from its sealed original.",
        description = {
            "For a false positive or an identifier the review missed: the new version keeps every decision of the"
                    + " codable one and is suggested again; change what was wrong (deid review), render (the codings"
                    + " move to the new text), and a second person approves and releases it."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:new version made", "1:refused by the workflow", "2:bad usage", "3:internal failure"})
final class DeidReviseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(paramLabel = "INTERVIEW", description = "The interview whose codable transcript is corrected.")
    String interview;

    @Option(names = "--reason", required = true, description = "What the review got wrong, for the audit log.")
    String reason;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            int version = Deidentification.of(s).revise(interview, reason, study.actor(), Role.PRIVACY_OFFICER);
            spec.commandLine().getOut().printf("%s: version %d, imported for review%n", interview, version);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
