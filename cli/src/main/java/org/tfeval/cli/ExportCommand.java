package org.tfeval.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        header = "Write a form's stored records as CSV in the import format.",
        description = "Export, then import into a fresh study, gives identical data.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--form", required = true, description = "The form to export.")
    String form;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            long n = s.export(form, out);
            spec.commandLine().getOut().printf("Wrote %d %s records to %s%n", n, form, out);
        }
        return ExitCodes.OK;
    }
}
