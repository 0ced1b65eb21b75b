package org.tfeval.cli.access;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.access.AccessRecord;
import org.tfeval.study.access.Document;
import org.tfeval.study.access.RestrictedAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        header = "Record the annual report due next for an access.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:recorded",
            "1:refused (no report due, access not approved)",
            "2:bad usage",
            "3:internal failure"
        })
final class AccessReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "ID", description = "The access.")
    long id;

    @Option(
            names = "--file",
            required = true,
            paramLabel = "FILE",
            description = "The report (recorded by name and SHA-256).")
    Path file;

    @Option(names = "--received", paramLabel = "YYYY-MM-DD", description = "The day it was received (default: today).")
    LocalDate received;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            AccessRecord r = RestrictedAccess.of(s)
                    .report(id, Document.of(file), received != null ? received : LocalDate.now(), study.actor());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Annual report recorded for access %d; next due: %s%n",
                            id, r.nextReportDue() == null ? "none within the term" : r.nextReportDue());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
