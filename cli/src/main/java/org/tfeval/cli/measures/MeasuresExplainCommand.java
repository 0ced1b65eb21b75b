package org.tfeval.cli.measures;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.compare.CaseRecord;
import org.tfeval.study.Study;
import org.tfeval.study.measures.Measures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "explain",
        header = "The case-file records behind a computed number (record IDs and the dates counted).")
final class MeasuresExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--tf", required = true, paramLabel = "TF", description = "The task force.")
    String tf;

    @Option(names = "--measure", required = true, paramLabel = "ID", description = "A computable measure (LE_ARRESTS).")
    String measure;

    @Option(
            names = "--quarter",
            required = true,
            paramLabel = "FY2020Q1",
            converter = QuarterConverter.class,
            description = "The federal fiscal quarter.")
    FiscalQuarter quarter;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            List<CaseRecord> records = Measures.of(s).explain(tf, measure, quarter, study.actor());
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("%s %s %s: %d record(s)%n", tf, measure, quarter.label(), records.size());
            for (CaseRecord r : records) pw.printf("  %-24s %s%n", r.recordId(), r.date());
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
