package org.tfeval.cli.participant;

import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.protect.TranscriptAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "survivor-access",
        header = "Grant or revoke an account's access to survivor transcripts (administrators only).",
        description = {
            "Only accounts holding this grant (designated analysts) read survivor transcripts and quotes, by any route."
                    + " The acting login must be an administrator account; --user claims do not count."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:refused (not an administrator)", "2:bad usage", "3:internal failure"})
final class ParticipantGrantCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The account.")
    String account;

    @Option(names = "--revoke", description = "Revoke instead of grant.")
    boolean revoke;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            TranscriptAccess a = TranscriptAccess.of(s);
            if (revoke) a.revokeSurvivorAccess(account, study.actor());
            else a.grantSurvivorAccess(account, study.actor());
            spec.commandLine().getOut().printf("%s survivor access: %s%n", account, revoke ? "revoked" : "granted");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
