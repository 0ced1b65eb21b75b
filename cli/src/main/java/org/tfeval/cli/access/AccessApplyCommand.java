package org.tfeval.cli.access;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.access.Application;
import org.tfeval.study.access.Document;
import org.tfeval.study.access.IrbKind;
import org.tfeval.study.access.RestrictedAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "apply",
        header = "Record an application for the restricted-use files.",
        description =
                "The signed agreement is recorded by its file name and SHA-256; keep the file in the steward's records.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:recorded",
            "1:refused",
            "2:bad usage (a required field missing or malformed)",
            "3:internal failure"
        })
final class AccessApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--applicant", required = true, paramLabel = "NAME", description = "Who will hold the data.")
    String applicant;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "How to reach them.")
    String email;

    @Option(names = "--institution", required = true, paramLabel = "NAME", description = "Their institution.")
    String institution;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "The research purpose.")
    String purpose;

    @Option(
            names = "--irb",
            required = true,
            paramLabel = "approval|exemption",
            description = "The IRB's determination.")
    String irb;

    @Option(
            names = "--irb-reference",
            required = true,
            paramLabel = "ID",
            description = "The IRB's protocol or determination number.")
    String irbReference;

    @Option(
            names = "--irb-date",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "The day of the IRB's approval or exemption.")
    LocalDate irbDate;

    @Option(
            names = "--irb-expires",
            paramLabel = "YYYY-MM-DD",
            description = "The last day of the IRB approval (approvals only).")
    LocalDate irbExpires;

    @Option(
            names = "--security-plan",
            required = true,
            paramLabel = "TEXT",
            description = "The data security plan (or @FILE).")
    String securityPlan;

    @Option(names = "--agreement", required = true, paramLabel = "FILE", description = "The signed data use agreement.")
    Path agreement;

    @Option(
            names = "--signed",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "The day the agreement was signed.")
    LocalDate signed;

    @Override
    public Integer call() {
        Application a = new Application(
                applicant,
                email,
                institution,
                purpose,
                IrbKind.of(irb),
                irbReference,
                irbDate,
                irbExpires,
                securityPlan,
                Document.of(agreement),
                signed);
        try (Study s = study.open()) {
            long id = RestrictedAccess.of(s).apply(a, study.actor());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Application %d recorded; decide it with: tfeval access decide %d approve|deny --reason TEXT%n",
                            id, id);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
