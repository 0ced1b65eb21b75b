package org.tfeval.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.store.query.OpenQueries;
import org.tfeval.store.snapshot.SnapshotTaker;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.store.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "snapshot", description = {"Freeze the validated study into an immutable snapshot (Parquet per dataset, instrument, manifest).",
        "Refused while validation errors remain, unless --allow-errors (recorded in the manifest).",
        "  snapshot list          the study's snapshots", "  snapshot verify ID     re-hash a snapshot's files"})
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StudyOptions study;
    @Option(names = "--allow-errors", description = "Take the snapshot despite validation errors (recorded in the manifest).")
    boolean allowErrors;
    @Parameters(arity = "0..2", paramLabel = "list|verify ID")
    List<String> action;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        Path snapshots = study.workspace().dir().resolve("snapshots");
        if (action != null && !action.isEmpty()) {
            switch (action.get(0)) {
                case "list" -> {
                    if (Files.isDirectory(snapshots)) {
                        try (var s = Files.list(snapshots)) {
                            s.filter(p -> Files.exists(p.resolve(Snapshot.MANIFEST))).map(Snapshot::open).forEach(sn -> pw.printf("%s  %s  %s%s%n",
                                    sn.id(), sn.manifest().createdAt(), sn.rows(), sn.allowErrors() ? "  (taken with errors)" : ""));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    return ExitCodes.OK;
                }
                case "verify" -> {
                    if (action.size() < 2) throw new IllegalArgumentException("snapshot verify needs a snapshot ID");
                    Snapshot sn = Snapshot.find(snapshots, action.get(1));
                    List<String> bad = sn.verify();
                    if (bad.isEmpty()) {
                        pw.printf("Snapshot %s is intact (%d files).%n", sn.id(), sn.manifest().files().size());
                        return ExitCodes.OK;
                    }
                    pw.printf("Snapshot %s has changed files: %s%n", sn.id(), bad);
                    return ExitCodes.DATA_ERRORS;
                }
                default -> throw new IllegalArgumentException("unknown snapshot action '" + action.get(0) + "'; use list or verify ID");
            }
        }
        try (var session = study.open()) {
            ConsoleProgress progress = new ConsoleProgress(System.err);
            ValidationReport report = StudyValidator.of(session.store()).withProgress(progress).validate();
            Snapshot sn = take(session, report, allowErrors, study.actor(), progress);
            pw.printf("Snapshot %s%n  %s%n  rows: %s%s%n", sn.id(), sn.dir(), sn.rows(), sn.allowErrors()
                    ? "\n  taken with " + report.errors() + " validation errors (--allow-errors, recorded in the manifest)" : "");
            return ExitCodes.OK;
        }
    }

    static Snapshot take(org.tfeval.store.study.StudyWorkspace.StudySession session, ValidationReport report, boolean allowErrors, String actor,
                         ConsoleProgress progress) {
        long open = OpenQueries.count(session.store());
        if (open > 0) {
            throw new SnapshotTaker.RefusedException("snapshot refused: " + open + " data-quality queries are open or answered",
                    "close them in the web application (tfeval serve) first");
        }
        return SnapshotTaker.of(session.store()).withActor(actor).withAllowErrors(allowErrors).withSynthetic(session.workspace().synthetic())
                .withVersion(Tfeval.version()).withProgress(progress).take(session.workspace().dir().resolve("snapshots"), report);
    }
}
