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
        name = "reopen",
        header = "Send a de-identified or reviewed transcript back to review (state imported).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reopened", "1:refused by the workflow", "2:bad usage", "3:internal failure"})
final class DeidReopenCommand implements Callable<Integer> {
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
                d.reopen(id, study.actor(), Role.PRIVACY_OFFICER);
                pw.printf("%s: imported%n", id);
                pw.flush();
            }
            return ExitCodes.OK;
        }
    }
}
