package org.tfeval.cli.access;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tfeval access}: restricted-use access, managed. */
@Command(
        name = "access",
        header = "Restricted-use access: applications, decisions, issued packages, renewals, annual reports,"
                + " destruction, and tracing a leaked copy.",
        description = {
            "The data steward records an application (applicant, institution, purpose, IRB approval or exemption, data",
            "security plan, signed agreement), decides it, and issues restricted packages under an approved, unexpired",
            "access. Every issued package is entered in an append-only transfer log and marked for its recipient, so",
            "'tfeval access trace' names the issue a leaked file or folder came from. Access lasts 24 months unless",
            "decided otherwise; annual reports are due every 12 months; the destruction certificate closes an access."
        },
        subcommands = {
            AccessApplyCommand.class,
            AccessDecideCommand.class,
            AccessIssueCommand.class,
            AccessRenewCommand.class,
            AccessReportCommand.class,
            AccessDestroyCommand.class,
            AccessListCommand.class,
            AccessTraceCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:refused (the message says why)", "2:bad usage", "3:internal failure"})
public final class AccessCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
