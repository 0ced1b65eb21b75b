package org.tfeval.cli.access;

import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.access.AccessRecord;
import org.tfeval.study.access.Decision;
import org.tfeval.study.access.RestrictedAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "decide",
        header = "Approve or deny an application (final), with the reason.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:decided",
            "1:refused (already decided, IRB approval lapsed)",
            "2:bad usage (no such application, no reason)",
            "3:internal failure"
        })
final class AccessDecideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "ID", description = "The application.")
    long id;

    @Parameters(index = "1", paramLabel = "approve|deny", description = "The decision.")
    String decision;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Option(
            names = "--months",
            paramLabel = "N",
            defaultValue = "" + RestrictedAccess.DEFAULT_TERM_MONTHS,
            description = "Months of access for an approval (default ${DEFAULT-VALUE}).")
    int months;

    @Override
    public Integer call() {
        Decision d = Decision.of(decision);
        try (Study s = study.open()) {
            AccessRecord r = RestrictedAccess.of(s).decide(id, d, reason, months, study.actor());
            if (r.expiresOn() != null) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Application %d approved: access from %s to %s; first annual report due %s%n",
                                id, r.grantedOn(), r.expiresOn(), r.nextReportDue() == null ? "-" : r.nextReportDue());
            } else {
                spec.commandLine().getOut().printf("Application %d denied%n", id);
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
