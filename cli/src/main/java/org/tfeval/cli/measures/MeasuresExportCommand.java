package org.tfeval.cli.measures;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.study.Study;
import org.tfeval.study.measures.Measures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        header = "Export in the grantees' layout: one CSV per task force, system and quarter (TF01_LE_FY2020Q1.csv).",
        description = {
            "--source reported writes the stored values; --source computed writes the totals tfeval computes from",
            "the coded case files (under the award the grantee reported that quarter), so a task force can submit",
            "them instead of re-keying. The files import again unchanged."
        })
final class MeasuresExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder.")
    Path out;

    @Option(
            names = "--source",
            defaultValue = "reported",
            description = "reported or computed (default: ${DEFAULT-VALUE}).")
    Measures.Source source;

    @Option(names = "--tf", paramLabel = "TF", description = "Only this task force.")
    String tf;

    @Option(
            names = "--quarter",
            paramLabel = "FY2020Q1",
            converter = QuarterConverter.class,
            description = "Only this quarter.")
    FiscalQuarter quarter;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            List<Path> files = Measures.of(s).export(out, source, tf, quarter, study.actor());
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("%d file(s) written to %s%n", files.size(), out);
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
