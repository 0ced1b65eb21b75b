package org.tfeval.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "snapshot",
        header = "Freeze the validated study into an immutable snapshot; list and verify snapshots.",
        description = {
            "Parquet per dataset, the instrument and a manifest with the SHA-256 of every file; the ID is the content hash.",
            "Refused while data-quality queries are open, and while validation errors remain unless --allow-errors (recorded in the manifest)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:snapshot taken",
            "1:refused: validation errors or open data-quality queries",
            "2:bad usage (no study)",
            "3:internal failure"
        },
        subcommands = {SnapshotCommand.ListSnapshots.class, SnapshotCommand.Verify.class})
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(
            names = "--allow-errors",
            description = "Take the snapshot despite validation errors (recorded in the manifest).")
    boolean allowErrors;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        try (Study s = study.open()) {
            Study.Frozen f = s.freeze(
                    new Study.Freeze(study.actor(), allowErrors, Tfeval.version()), new ConsoleProgress(System.err));
            Snapshot sn = f.snapshot();
            pw.printf(
                    "Snapshot %s%n  %s%n  rows: %s%s%n",
                    sn.id(),
                    sn.dir(),
                    sn.rows(),
                    sn.allowErrors()
                            ? "\n  taken with " + f.validation().report().errors()
                                    + " validation errors (--allow-errors, recorded in the manifest)"
                            : "");
            // performance measures (issue 14): what the snapshot froze of them
            sn.measures()
                    .ifPresent(m -> pw.printf(
                            "  performance measures (catalogue %s): %s%n",
                            m.catalogueVersion(),
                            m.datasets().stream()
                                    .map(d -> d.form() + "=" + d.rows())
                                    .toList()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", header = "The study's snapshots, oldest first.")
    static final class ListSnapshots implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Override
        public Integer call() {
            PrintWriter pw = spec.commandLine().getOut();
            for (Snapshot sn : study.folder().listSnapshots()) {
                pw.printf(
                        "%s  %s  %s%s%n",
                        sn.id(), sn.manifest().createdAt(), sn.rows(), sn.allowErrors() ? "  (taken with errors)" : "");
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "verify",
            header = "Re-hash a snapshot's files.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:intact",
                "1:files changed (listed)",
                "2:bad usage (no study, unknown snapshot)",
                "3:internal failure"
            })
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Parameters(
                index = "0",
                paramLabel = "ID",
                description = "The snapshot's ID or a unique prefix, or its folder.")
        String id;

        @Override
        public Integer call() {
            PrintWriter pw = spec.commandLine().getOut();
            Snapshot sn = study.folder().snapshot(id);
            List<String> bad = sn.verify();
            if (bad.isEmpty()) {
                pw.printf(
                        "Snapshot %s is intact (%d files).%n",
                        sn.id(), sn.manifest().files().size());
                return ExitCodes.OK;
            }
            pw.printf("Snapshot %s has changed files: %s%n", sn.id(), bad);
            return ExitCodes.DATA_ERRORS;
        }
    }
}
