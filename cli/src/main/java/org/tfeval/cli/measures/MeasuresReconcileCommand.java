package org.tfeval.cli.measures;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.reconcile.ReconciliationRow;
import org.tfeval.study.Study;
import org.tfeval.study.measures.Measures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "reconcile",
        header = "Law-enforcement vs victim-service counts per task force and quarter; record why a gap exists.",
        description = {
            "Lists every task force x pair x quarter (or only the flagged ones). With --explain, records the",
            "explanation of one flagged quarter (--tf, --pair, --quarter); the newest explanation is shown."
        })
final class MeasuresReconcileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--flagged", description = "Only flagged quarters.")
    boolean flagged;

    @Option(names = "--tf", paramLabel = "TF", description = "Only this task force (required with --explain).")
    String tf;

    @Option(names = "--pair", paramLabel = "PAIR", description = "The catalogue pair (with --explain).")
    String pair;

    @Option(
            names = "--quarter",
            paramLabel = "FY2020Q1",
            converter = QuarterConverter.class,
            description = "The quarter (with --explain).")
    FiscalQuarter quarter;

    @Option(names = "--explain", paramLabel = "TEXT", description = "Record why this flagged quarter differs.")
    String explain;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Measures m = Measures.of(s);
            PrintWriter pw = spec.commandLine().getOut();
            if (explain != null) {
                if (tf == null || pair == null || quarter == null)
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(), "--explain needs --tf, --pair and --quarter");
                m.explainGap(tf, pair, quarter, explain, study.actor());
                pw.printf("explanation recorded for %s %s %s%n", tf, pair, quarter.label());
                pw.flush();
                return ExitCodes.OK;
            }
            List<ReconciliationRow> rows = m.reconcile();
            pw.printf(
                    "%-8s %-10s %-10s %6s %6s %6s  %-10s %s%n",
                    "TF", "PAIR", "QUARTER", "LE", "VS", "DIFF", "STATUS", "EXPLANATION");
            long n = 0;
            long open = 0;
            for (ReconciliationRow r : rows) {
                if (tf != null && !r.tfId().equals(tf)) continue;
                if (flagged && !r.flagged()) continue;
                n++;
                if (r.open()) open++;
                pw.printf(
                        "%-8s %-10s %-10s %6s %6s %6s  %-10s %s%n",
                        r.tfId(),
                        r.pairId(),
                        r.quarter().code(),
                        r.lawEnforcement() == null ? "-" : r.lawEnforcement(),
                        r.victimServices() == null ? "-" : r.victimServices(),
                        r.difference() == null ? "-" : r.difference(),
                        r.kind().name().toLowerCase(java.util.Locale.ROOT),
                        r.explanation() == null ? (r.flagged() ? "(none yet)" : "") : r.explanation());
            }
            pw.printf("%d row(s); %d flagged without an explanation%n", n, open);
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
