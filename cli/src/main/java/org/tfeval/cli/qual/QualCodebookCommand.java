package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.study.Study;
import org.tfeval.study.qual.CodebookChanges;
import org.tfeval.study.qual.Interviews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "codebook",
        header = "The codebook: its codes, its version history, changes and the split review list.",
        subcommands = {
            QualCodebookCommand.Show.class,
            QualCodebookCommand.History.class,
            QualCodebookChangeCommand.class,
            QualCodebookCommand.Review.class,
            QualCodebookCommand.Sort.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused", "2:bad usage", "3:internal failure"})
final class QualCodebookCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "show",
            header = "The codes as a tree (categories in brackets, retired codes marked).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:shown", "2:bad usage", "3:internal failure"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                Codebook book = Interviews.of(s).codebook();
                PrintWriter pw = spec.commandLine().getOut();
                pw.printf("Codebook version %d%n", CodebookChanges.of(s).version());
                print(pw, book, null, 0);
                pw.flush();
                return ExitCodes.OK;
            }
        }

        private static void print(PrintWriter pw, Codebook book, String parent, int depth) {
            for (Code c : book.codes()) {
                if (!java.util.Objects.equals(c.parent(), parent)) continue;
                pw.printf(
                        "%s%s%s%n",
                        "  ".repeat(depth),
                        c.codable() ? c.name() : "[" + c.name() + "]",
                        c.retired() ? " (retired)" : "");
                print(pw, book, c.guid(), depth + 1);
            }
        }
    }

    @Command(
            name = "history",
            header = "Every codebook version: what changed, by whom, and how many codings it moved.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:shown", "2:bad usage", "3:internal failure"})
    static final class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                PrintWriter pw = spec.commandLine().getOut();
                for (var c : CodebookChanges.of(s).history()) {
                    pw.printf(
                            "v%-4d %-7s %s  (%d codings moved; %s, %s)%n",
                            c.version(), c.kind(), c.description(), c.codingsMoved(), c.changedBy(), c.changedAt());
                }
                pw.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "review",
            header = "Codings of split codes that no assignment or rule placed: sort each with 'codebook sort'.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:shown", "2:bad usage", "3:internal failure"})
    static final class Review implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                PrintWriter pw = spec.commandLine().getOut();
                var waiting = CodebookChanges.of(s).waiting();
                for (var w : waiting) {
                    pw.printf(
                            "%s  version %d  transcript %d  [%d, %d)%n",
                            w.coding(),
                            w.version(),
                            w.transcriptId(),
                            w.span().start(),
                            w.span().end());
                }
                pw.printf("%d coding(s) waiting%n", waiting.size());
                pw.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "sort",
            header = "Sort a waiting coding of a split code into a code.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:sorted", "2:bad usage", "3:internal failure"})
    static final class Sort implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Parameters(index = "0", paramLabel = "CODING", description = "The coding's GUID (from 'codebook review').")
        String coding;

        @Parameters(index = "1", paramLabel = "CODE", description = "The code's name.")
        String code;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                CodebookChanges.of(s).sort(coding, code, study.actor());
                spec.commandLine().getOut().printf("Sorted into %s.%n", code);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }

    /** Parses {@code GUID=CODE} assignments of a split. */
    static Map<String, String> assignments(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : items) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw Problem.usage("an assignment is CODING=CODE, not " + a, null);
            out.put(a.substring(0, eq).strip(), a.substring(eq + 1).strip());
        }
        return out;
    }

    static List<CodebookChanges.Rule> rules(List<String> items) {
        List<CodebookChanges.Rule> out = new ArrayList<>();
        for (String r : items) out.add(CodebookChanges.Rule.parse(r));
        return out;
    }
}
