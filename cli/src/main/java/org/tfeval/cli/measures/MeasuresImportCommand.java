package org.tfeval.cli.measures;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.study.Study;
import org.tfeval.study.measures.Measures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        header = "Import measure files (CSV or XLSX): validated, atomic, audited, idempotent.",
        description = {
            "Columns: TF_ID, SYSTEM (LE or VS), AWARD, PERIOD_START, PERIOD_END (one federal fiscal quarter, Q1 =",
            "October-December), MEASURE_ID, DISAGGREGATION (blank for the total, else dimension=category), VALUE.",
            "Every problem is listed with file, row, column and rule; a file with any problem stores nothing.",
            "Importing a file again changes nothing; a value stored with another number is refused unless --revise."
        })
final class MeasuresImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Measure files (.csv, .xlsx), one transaction each.")
    List<Path> files;

    @Option(names = "--revise", description = "Replace values stored with another number (the earlier number is kept).")
    boolean revise;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        int code = ExitCodes.OK;
        try (Study s = study.open()) {
            Measures m = Measures.of(s);
            for (Path f : files) {
                Measures.Imported r = m.importFile(f, revise, study.actor());
                if (r.stored()) {
                    pw.printf(
                            "%s: %d rows stored under catalogue %s: %d new, %d unchanged, %d revised%n",
                            r.file(), r.rows(), r.catalogueVersion(), r.inserted(), r.unchanged(), r.revised());
                } else {
                    pw.printf(
                            "%s: REFUSED, nothing stored: %d problem(s)%n",
                            r.file(), r.violations().size());
                    for (Violation v : r.violations()) pw.println("  " + v.describe());
                    code = ExitCodes.DATA_ERRORS;
                }
                pw.flush();
            }
        }
        return code;
    }
}
