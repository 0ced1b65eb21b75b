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
        description = {
            "Export, then import into a fresh study, gives identical data.",
            "Text cells that start with = + - @ TAB or CR are written with a leading single quote (') so that a"
                    + " spreadsheet shows them as text instead of running them as formulas; import removes that quote."
                    + " Numbers and missing codes such as -9 are never changed."
        })
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
            Study.Exported e = s.exportCsv(form, out);
            spec.commandLine().getOut().printf("Wrote %d %s records to %s%n", e.rows(), form, out);
            if (e.neutralised() > 0) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%d text cells start with = + - @ TAB or CR: they are written with a leading ' so that"
                                        + " spreadsheets do not run them as formulas (tfeval import removes it).%n",
                                e.neutralised());
            }
        }
        return ExitCodes.OK;
    }
}
