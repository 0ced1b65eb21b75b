package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A review step applied to each named interview in turn: the subclass names the step, this class
 * opens the study, runs it per interview and prints one line each as it goes.
 */
abstract class DeidStepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(arity = "1..*", paramLabel = "INTERVIEW", description = "Interviews.")
    List<String> interviews;

    /** Applies the step to one interview; returns the line to print after its ID. */
    abstract String step(Deidentification d, String interview, String actor);

    @Override
    public final Integer call() {
        try (Study s = study.open()) {
            Deidentification d = Deidentification.of(s);
            PrintWriter pw = spec.commandLine().getOut();
            for (String id : interviews) {
                pw.printf("%s%s%n", id, step(d, id, study.actor()));
                pw.flush();
            }
            return ExitCodes.OK;
        }
    }
}
