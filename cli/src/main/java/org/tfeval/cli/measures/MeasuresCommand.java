package org.tfeval.cli.measures;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "measures",
        header = "Performance measures: import, compute from the case files, reconcile LE/VS, explain, export, report.",
        subcommands = {
            MeasuresCatalogueCommand.class,
            MeasuresImportCommand.class,
            MeasuresComputeCommand.class,
            MeasuresExplainCommand.class,
            MeasuresReconcileCommand.class,
            MeasuresExportCommand.class,
            MeasuresReportCommand.class,
            MeasuresBenchCommand.class
        })
public final class MeasuresCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
