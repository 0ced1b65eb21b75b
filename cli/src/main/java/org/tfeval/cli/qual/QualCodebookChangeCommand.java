package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.qual.CodebookChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "change",
        header = "Change the codebook: each change is a new version, applied to the stored codings and audited.",
        description = {
            "rename and move keep codings on their code; merge moves every coding of the merged codes to the target and",
            "retires them; split adds new codes, places each coding by --assign or the first matching --rule and leaves",
            "the rest on the review list, then retires the split code; retire keeps codings but refuses new ones; import",
            "reads a .qdc as one version. Blind codings of reliability rounds never move."
        },
        subcommands = {
            QualCodebookChangeCommand.Add.class,
            QualCodebookChangeCommand.Rename.class,
            QualCodebookChangeCommand.Move.class,
            QualCodebookChangeCommand.Merge.class,
            QualCodebookChangeCommand.Split.class,
            QualCodebookChangeCommand.Retire.class,
            QualCodebookChangeCommand.Import.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:changed", "1:refused", "2:bad usage", "3:internal failure"})
final class QualCodebookChangeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One change: the subclass names it, this class opens the study, applies it and prints the new version. */
    abstract static class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        abstract CodebookChanges.Applied apply(CodebookChanges changes, String actor);

        @Override
        public final Integer call() {
            try (Study s = study.open()) {
                return print(spec, apply(CodebookChanges.of(s), study.actor()));
            }
        }
    }

    static Integer print(CommandSpec spec, CodebookChanges.Applied a) {
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(
                "Codebook version %d: %s (%d codings moved, %d to review)%n",
                a.version(), a.description(), a.codingsMoved(), a.toReview());
        pw.flush();
        return ExitCodes.OK;
    }

    @Command(
            name = "add",
            header = "Add a code or category.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:added", "2:bad usage"})
    static final class Add extends Change {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--parent", paramLabel = "CODE", description = "Under this code or category.")
        String parent;

        @Option(names = "--definition", defaultValue = "", description = "What the code means.")
        String definition;

        @Option(names = "--category", description = "A category (groups codes; not codable).")
        boolean category;

        @Override
        CodebookChanges.Applied apply(CodebookChanges changes, String actor) {
            return changes.add(name, parent, definition, category, actor);
        }
    }

    @Command(
            name = "rename",
            header = "Rename a code.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:renamed", "2:bad usage"})
    static final class Rename extends Change {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Parameters(index = "1", paramLabel = "NEW_NAME")
        String name;

        @Override
        CodebookChanges.Applied apply(CodebookChanges changes, String actor) {
            return changes.rename(code, name, actor);
        }
    }

    @Command(
            name = "move",
            header = "Move a code under another parent.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:moved", "2:bad usage"})
    static final class Move extends Change {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Option(names = "--under", paramLabel = "PARENT", description = "The new parent (omit for the top).")
        String parent;

        @Override
        CodebookChanges.Applied apply(CodebookChanges changes, String actor) {
            return changes.move(code, parent, actor);
        }
    }

    @Command(
            name = "merge",
            header = "Merge codes into one.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:merged", "2:bad usage"})
    static final class Merge extends Change {
        @Parameters(arity = "1..*", paramLabel = "CODE")
        List<String> from;

        @Option(names = "--into", required = true, paramLabel = "CODE")
        String into;

        @Override
        CodebookChanges.Applied apply(CodebookChanges changes, String actor) {
            return changes.merge(from, into, actor);
        }
    }

    @Command(
            name = "split",
            header = "Split a code into new codes.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:split", "2:bad usage"})
    static final class Split extends Change {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Option(
                names = "--into",
                required = true,
                split = ",",
                paramLabel = "NAME",
                description = "New codes (2 or more).")
        List<String> into;

        @Option(names = "--assign", paramLabel = "CODING=CODE", description = "Put this coding into this new code.")
        List<String> assign = new ArrayList<>();

        @Option(names = "--rule", paramLabel = "CODE=REGEX", description = "Codings whose words match go to CODE.")
        List<String> rules = new ArrayList<>();

        @Override
        CodebookChanges.Applied apply(CodebookChanges changes, String actor) {
            return changes.split(
                    code, into, QualCodebookCommand.assignments(assign), QualCodebookCommand.rules(rules), actor);
        }
    }

    @Command(
            name = "retire",
            header = "Retire a code (keeps its codings).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:retired", "2:bad usage"})
    static final class Retire extends Change {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Override
        CodebookChanges.Applied apply(CodebookChanges changes, String actor) {
            return changes.retire(code, actor);
        }
    }

    @Command(
            name = "import",
            header = "Import a REFI-QDA .qdc as a new version.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:imported", "2:bad usage"})
    static final class Import extends Change {
        @Parameters(index = "0", paramLabel = "FILE.qdc")
        Path file;

        @Override
        CodebookChanges.Applied apply(CodebookChanges changes, String actor) {
            return changes.importQdc(file, actor);
        }
    }
}
