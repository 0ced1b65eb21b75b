package org.tfeval.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.store.imports.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", description = "Write a form's stored records as CSV in the import format (export -> import round-trips).")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StudyOptions study;
    @Option(names = "--form", required = true)
    String form;
    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        try (var session = study.open()) {
            long n = new Exporter(session.store()).export(form, out);
            spec.commandLine().getOut().printf("Wrote %d %s records to %s%n", n, form, out);
        }
        return ExitCodes.OK;
    }
}
