package org.tfeval.cli.access;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.cli.Tfeval;
import org.tfeval.study.Study;
import org.tfeval.study.access.Issued;
import org.tfeval.study.access.RestrictedAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "issue",
        header = "Issue a restricted package of a snapshot under an approved, unexpired access.",
        description = {
            "Builds a restricted-use release with identifier pseudonyms drawn for this issue alone, adds a signed",
            "ACCESS_ISSUE.json naming the recipient and the issue, and appends the transfer to the log. Refused for",
            "an access that is not approved, has ended, is closed, whose IRB approval lapsed or whose annual report is overdue."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:issued",
            "1:refused (the message says why)",
            "2:bad usage (no such application or snapshot, folder not empty)",
            "3:internal failure"
        })
final class AccessIssueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "ID", description = "The access (application number).")
    long id;

    @Option(
            names = "--snapshot",
            required = true,
            paramLabel = "ID",
            description = "The snapshot: ID, unique prefix or folder.")
    String snapshot;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The package folder (new or empty; default: access-issues/ISSUE in the study folder).")
    Path out;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Issued i = RestrictedAccess.of(s)
                    .withVersion(Tfeval.version())
                    .issue(id, snapshot, out, study.actor(), new ConsoleProgress(System.err));
            var pw = spec.commandLine().getOut();
            pw.printf(
                    "Issue %s to %s (%s)%n",
                    i.transfer().issueId(),
                    i.transfer().recipient(),
                    i.transfer().institution());
            pw.printf("  package: %s%n", i.dir());
            pw.printf(
                    "  snapshot %s, %d files, %d marks recorded; access ends %s%n",
                    i.transfer().snapshotId(),
                    i.transfer().files(),
                    i.transfer().marks(),
                    i.transfer().expiresOn());
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
