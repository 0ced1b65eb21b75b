package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.field.Choice;
import org.tfeval.study.field.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tfeval field resolve}: resolves one conflict, keeping one side. */
@Command(
        name = "resolve",
        header = "Resolve one conflict: keep the laptop's value (field) or the study's (office).",
        description = {
            "For a removal, field removes the record and office keeps it. The other value stays in the conflict's"
                    + " history, flagged as resolved from a conflict; the resolution is an audit event."
        })
public final class FieldResolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "ID", description = "The conflict (tfeval field conflicts).")
    long id;

    @Option(names = "--keep", required = true, paramLabel = "SIDE", description = "field or office.")
    Choice keep;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Study s = study.open();
                Field.Opened f = Field.open(s)) {
            f.field().resolve(study.actor(), id, keep);
            out.printf("Resolved conflict %d: kept the %s side.%n", id, keep.id());
            return ExitCodes.OK;
        }
    }
}
