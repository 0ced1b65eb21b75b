package org.tfeval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        header = "Check every stored record against the instrument; write HTML and JSON reports.",
        description = "Every rule of the instrument, the cross-form checks and the missingness of every variable.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no errors (warnings may remain)",
            "1:validation errors (see the reports)",
            "2:bad usage (no study)",
            "3:internal failure"
        })
final class ValidateCommand implements Callable<Integer> {
    /** Problems printed on the console; the reports hold the rest. */
    static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the reports (default: STUDY/reports).")
    Path out;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "Console output: text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Study.Validation v = s.validate(out, new ConsoleProgress(System.err));
            PrintWriter pw = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                pw.println(StudyJson.pretty(StudyJson.validation(v.report())));
            } else {
                summary(pw, v);
            }
            pw.flush();
            return v.passed() ? ExitCodes.OK : ExitCodes.DATA_ERRORS;
        }
    }

    static void summary(PrintWriter pw, Study.Validation v) {
        var r = v.report();
        pw.printf("Validated %s: %s%n", r.instrument(), r.records());
        r.violations().stream().limit(SHOWN).map(Violation::describe).forEach(pw::println);
        if (r.errors() + r.warnings() > SHOWN) pw.printf("... and %d more%n", r.errors() + r.warnings() - SHOWN);
        Map<String, Long> codes = new TreeMap<>(r.countsByCode());
        pw.printf("%d errors, %d warnings%s%n", r.errors(), r.warnings(), codes.isEmpty() ? "" : " by rule: " + codes);
        pw.printf("Reports: %s, %s%n", v.html(), v.json());
    }
}
