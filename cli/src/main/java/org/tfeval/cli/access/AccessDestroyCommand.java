package org.tfeval.cli.access;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.access.Document;
import org.tfeval.study.access.RestrictedAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "destroy",
        header = "Record the destruction certificate: the access is closed and nothing more is issued under it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:recorded, access closed",
            "1:refused (access not approved or already closed)",
            "2:bad usage",
            "3:internal failure"
        })
final class AccessDestroyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "ID", description = "The access.")
    long id;

    @Option(
            names = "--certificate",
            required = true,
            paramLabel = "FILE",
            description = "The signed certificate (recorded by name and SHA-256).")
    Path certificate;

    @Option(
            names = "--destroyed",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "The day the data were destroyed.")
    LocalDate destroyed;

    @Option(names = "--certified-by", required = true, paramLabel = "NAME", description = "Who signed the certificate.")
    String certifiedBy;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            RestrictedAccess.of(s).destroy(id, Document.of(certificate), destroyed, certifiedBy, study.actor());
            spec.commandLine().getOut().printf("Access %d closed: destruction on %s recorded%n", id, destroyed);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
