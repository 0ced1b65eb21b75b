package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "keymap",
        header = "Show the key map: each token and the words it stands for, by participant (audited).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:refused", "2:bad usage", "3:internal failure"})
final class DeidKeyMapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            PrintWriter pw = spec.commandLine().getOut();
            for (Deidentification.KeyEntry e : Deidentification.of(s).keyMap(study.actor(), Role.PRIVACY_OFFICER)) {
                pw.printf("%-16s %-12s %s%n", e.token(), e.participantId(), e.original());
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
