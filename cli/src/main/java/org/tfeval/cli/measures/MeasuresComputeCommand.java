package org.tfeval.cli.measures;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.measures.compare.Comparison;
import org.tfeval.measures.compare.Difference;
import org.tfeval.study.Study;
import org.tfeval.study.measures.Measures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "compute",
        header = "Reported vs computed: the measures the coded case files produce, beside the reported totals.",
        description = {
            "Counts coded records by the quarter of the event (date of case opening, arrest, charging, disposition)",
            "and sets them beside each reported total with the difference explained. The records behind a number:",
            "tfeval measures explain."
        })
final class MeasuresComputeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--tf", paramLabel = "TF", description = "Only this task force.")
    String tf;

    @Option(
            names = "--review",
            description = "Only the quarters that need a look (computed above reported, or not reported).")
    boolean review;

    @Option(names = "--csv", description = "CSV instead of a table.")
    boolean csv;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            List<Comparison> rows = Measures.of(s).compare(tf);
            PrintWriter pw = spec.commandLine().getOut();
            if (csv) pw.println("tf_id,measure_id,quarter,reported,computed,difference");
            else
                pw.printf(
                        "%-8s %-20s %-10s %9s %9s  %s%n",
                        "TF", "MEASURE", "QUARTER", "REPORTED", "COMPUTED", "DIFFERENCE");
            for (Comparison c : rows) {
                if (review && !c.difference().needsReview()) continue;
                String rep = c.reported() == null ? "" : c.reported().toString();
                if (csv)
                    pw.printf(
                            "%s,%s,%s,%s,%d,%s%n",
                            c.tfId(),
                            c.measureId(),
                            c.quarter().code(),
                            rep,
                            c.computed(),
                            c.difference().name().toLowerCase(java.util.Locale.ROOT));
                else
                    pw.printf(
                            "%-8s %-20s %-10s %9s %9d  %s%n",
                            c.tfId(),
                            c.measureId(),
                            c.quarter().code(),
                            rep.isEmpty() ? "-" : rep,
                            c.computed(),
                            c.difference().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (!csv) {
                pw.println();
                for (Difference d : Difference.values())
                    pw.println(d.name().toLowerCase(java.util.Locale.ROOT) + ": " + d.explanation());
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
