package org.tfeval.cli.participant;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.protect.OutputRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "notices",
        header = "List withdrawal notices to holders of restricted packages, and the outputs marked superseded.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:bad usage", "3:internal failure"})
final class ParticipantNoticesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Override
    public Integer call() {
        OutputRegister reg = OutputRegister.of(study.folder().dir());
        PrintWriter out = spec.commandLine().getOut();
        for (OutputRegister.Superseded x : reg.superseded()) {
            out.printf("superseded by withdrawal %d: %s %s%n", x.withdrawal(), x.kind(), x.output());
        }
        for (OutputRegister.Notice n : reg.notices()) {
            out.printf(
                    "notice %s (%s): %s%n  %s%n",
                    n.id(),
                    n.acknowledged() ? "acknowledged by " + n.acknowledgedBy() + " " + n.acknowledgedAt() : "to send",
                    n.release(),
                    n.text());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
