package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.field.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval field conflicts}: the conflict queue, both values of each field. */
@Command(
        name = "conflicts",
        header = "List the conflict queue: both values of every field changed on a laptop and elsewhere.",
        description = {"Resolve each with tfeval field resolve ID --keep field|office."})
public final class FieldConflictsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--all", description = "Include resolved conflicts (with the losing value).")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Study s = study.open();
                Field.Opened f = Field.open(s)) {
            out.println("id\tkind\tcase\tpass\tform\trecord\tvariable\tbase\tfield\toffice\tcoder\tstate");
            for (Field.Conflict k : f.field().conflicts(!all)) {
                out.printf(
                        "%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n",
                        k.id(),
                        k.kind(),
                        k.caseId(),
                        k.pass(),
                        k.form(),
                        k.recordKey(),
                        dash(k.variable()),
                        dash(k.baseValue()),
                        dash(k.fieldValue()),
                        dash(k.officeValue()),
                        k.coder(),
                        k.open() ? "open" : "kept " + k.chosen() + " (losing value: " + dash(k.losingValue()) + ")");
            }
            return ExitCodes.OK;
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
