package org.tfeval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        header = "Import a CSV (UTF-8) or XLSX file into a form.",
        description = {
            "Every problem is reported with file, row, column and rule; with any error nothing is stored.",
            "Re-importing the same file changes nothing; changed rows are updated and audited with old and new values."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:imported",
            "1:the file has errors: nothing was stored",
            "2:bad usage or unreadable file",
            "3:internal failure"
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(
            names = "--form",
            required = true,
            description = "The form: task_force, case, victim, suspect, offense (as the instrument names them).")
    String form;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "Report as text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(
            names = "--reason",
            defaultValue = "import",
            description = "Why, for the audit log (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            ImportResult r = s.importFile(form, file, study.actor(), reason, new ConsoleProgress(System.err));
            print(spec.commandLine().getOut(), r, format);
            return r.stored() ? ExitCodes.OK : ExitCodes.DATA_ERRORS;
        }
    }

    static void print(PrintWriter out, ImportResult r, OutputFormat format) {
        if (format == OutputFormat.JSON) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("form", r.form());
            tree.put("file", r.file());
            tree.put("sha256", r.sha256());
            tree.put("stored", r.stored());
            tree.put("rows", r.rows());
            tree.put("inserted", r.inserted());
            tree.put("updated", r.updated());
            tree.put("unchanged", r.unchanged());
            tree.put("errors", r.errors());
            tree.put("warnings", r.warnings());
            tree.put("counts_by_code", r.countsByCode());
            tree.put("violations", StudyJson.violations(r.violations()));
            out.println(StudyJson.pretty(tree));
        } else {
            for (Violation v : r.violations()) out.println(v.describe());
            if (r.violations().size() < r.errors() + r.warnings()) {
                out.printf(
                        "... %d more problems (counts by rule: %s)%n",
                        r.errors() + r.warnings() - r.violations().size(), r.countsByCode());
            }
            if (r.stored()) {
                out.printf(
                        "%s: %d rows into %s: %d added, %d changed, %d unchanged%s%n",
                        r.file(),
                        r.rows(),
                        r.form(),
                        r.inserted(),
                        r.updated(),
                        r.unchanged(),
                        r.warnings() > 0 ? " (" + r.warnings() + " warnings)" : "");
            } else {
                out.printf(
                        "%s: NOT imported: %d errors, %d warnings. Nothing was stored; fix the file and import it again.%n",
                        r.file(), r.errors(), r.warnings());
            }
        }
        out.flush();
    }
}
