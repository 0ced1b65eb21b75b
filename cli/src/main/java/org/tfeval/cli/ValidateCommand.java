package org.tfeval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.validate.ReportWriter;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.store.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", description = "Check the whole study; writes reports/validation.html and .json; exit code 1 when there are errors.")
final class ValidateCommand implements Callable<Integer> {
    /** Problems printed on the console; the reports hold the rest. */
    static final int SHOWN = 20;

    @Spec
    CommandSpec spec;
    @Mixin
    StudyOptions study;
    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the reports (default: STUDY/reports).")
    Path out;
    @Option(names = "--format", defaultValue = "text", description = "Console output: text or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        try (var session = study.open()) {
            ValidationReport r = StudyValidator.of(session.store()).withProgress(new ConsoleProgress(System.err)).validate();
            Path dir = out != null ? out : session.workspace().dir().resolve("reports");
            ReportWriter.writeJson(r, dir.resolve("validation.json"));
            ReportWriter.writeHtml(r, dir.resolve("validation.html"));
            PrintWriter pw = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                pw.println(ReportWriter.json(ReportWriter.tree(r)));
            } else {
                summary(pw, r, dir);
            }
            pw.flush();
            return r.passed() ? ExitCodes.OK : ExitCodes.DATA_ERRORS;
        }
    }

    static void summary(PrintWriter pw, ValidationReport r, Path dir) {
        pw.printf("Validated %s: %s%n", r.instrument(), r.records());
        r.violations().stream().limit(SHOWN).map(Violation::describe).forEach(pw::println);
        if (r.errors() + r.warnings() > SHOWN) pw.printf("... and %d more%n", r.errors() + r.warnings() - SHOWN);
        Map<String, Long> codes = new TreeMap<>(r.countsByCode());
        pw.printf("%d errors, %d warnings%s%n", r.errors(), r.warnings(), codes.isEmpty() ? "" : " by rule: " + codes);
        pw.printf("Reports: %s, %s%n", dir.resolve("validation.html"), dir.resolve("validation.json"));
    }
}
