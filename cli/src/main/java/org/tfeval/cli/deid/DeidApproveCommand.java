package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "approve",
        header =
                "Mark de-identified transcripts reviewed (a second person; refused while the residual scan has unreviewed hits).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:approved", "1:refused by the workflow", "2:bad usage", "3:internal failure"})
final class DeidApproveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(arity = "1..*", paramLabel = "INTERVIEW", description = "Interviews.")
    List<String> interviews;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Deidentification d = Deidentification.of(s);
            PrintWriter pw = spec.commandLine().getOut();
            for (String id : interviews) {
                d.markReviewed(id, study.actor(), Role.PRIVACY_OFFICER);
                pw.printf("%s: reviewed%n", id);
                pw.flush();
            }
            return ExitCodes.OK;
        }
    }
}
