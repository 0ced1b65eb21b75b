package org.tfeval.cli.access;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;
import org.tfeval.study.access.RestrictedAccess;
import org.tfeval.study.access.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "trace",
        header = "Name the issue a leaked file or folder came from.",
        description = {
            "Reads every file (CSV, Stata, SAS transport and other files byte for byte) for the identifier pseudonyms",
            "drawn for each issue and compares every file's SHA-256 with the files issued; an ACCESS_ISSUE.json found is",
            "checked against the study's key. Works on a single CSV with its columns or rows reordered and no manifest."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:traced to an issue",
            "1:no issued package matches",
            "2:bad usage (no such file)",
            "3:internal failure"
        })
final class AccessTraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "FILE-OR-FOLDER", description = "The leaked copy.")
    Path path;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        try (Study s = study.open()) {
            Trace t = RestrictedAccess.of(s).trace(path, study.actor());
            pw.printf("Scanned %d file(s), %d pseudonym-like token(s)%n", t.filesScanned(), t.tokensSeen());
            for (Trace.ManifestCheck m : t.manifests()) {
                pw.printf(
                        "  issue manifest %s names %s (%s): %s%n",
                        m.file(),
                        m.issueId(),
                        m.recipient(),
                        !m.verified()
                                ? "SIGNATURE DOES NOT VERIFY (forged or altered)"
                                : m.logged()
                                        ? "signature verifies"
                                        : "signature verifies, but the issue is not in the log");
            }
            for (Trace.Candidate c : t.candidates()) {
                pw.printf(
                        "  %s %s: issued %s to %s (%s) under access %d, snapshot %s; %d pseudonym(s), %d file(s) match%n",
                        c.conclusive() ? "MATCH" : "weak ",
                        c.issueId(),
                        c.issuedAt(),
                        c.recipient(),
                        c.institution(),
                        c.applicationId(),
                        c.snapshotId().substring(0, 12),
                        c.pseudonymMatches(),
                        c.fileMatches());
            }
            pw.flush();
            if (t.attributed().isEmpty()) {
                throw Problem.refused(
                        "the copy matches no issued package",
                        "it may come from a public release, a package built outside 'tfeval access issue', or be too altered");
            }
            if (t.attributed().size() > 1) {
                pw.printf("The copy mixes files of %d issues.%n", t.attributed().size());
            } else {
                Trace.Candidate c = t.identified().orElseThrow();
                pw.printf("Traced to issue %s: %s, %s%n", c.issueId(), c.recipient(), c.institution());
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
