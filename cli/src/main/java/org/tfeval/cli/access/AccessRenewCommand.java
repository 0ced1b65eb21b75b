package org.tfeval.cli.access;

import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.access.AccessRecord;
import org.tfeval.study.access.RestrictedAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "renew",
        header = "Extend an approved access from its end (or from today when it has ended).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:renewed",
            "1:refused (not approved, closed, IRB approval lapsed)",
            "2:bad usage",
            "3:internal failure"
        })
final class AccessRenewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "ID", description = "The access.")
    long id;

    @Option(
            names = "--months",
            paramLabel = "N",
            defaultValue = "" + RestrictedAccess.DEFAULT_TERM_MONTHS,
            description = "Months added (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            AccessRecord r = RestrictedAccess.of(s).renew(id, months, reason, study.actor());
            spec.commandLine().getOut().printf("Access %d renewed: it now ends on %s%n", id, r.expiresOn());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
