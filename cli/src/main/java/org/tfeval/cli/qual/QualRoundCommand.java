package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.agreement.Disagreement;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.qual.text.Span;
import org.tfeval.study.Study;
import org.tfeval.study.qual.Rounds;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "round",
        header = "Blind reliability rounds: open, close (figures frozen), adjudicate into a consensus, list.",
        subcommands = {
            QualRoundCommand.Open.class,
            QualRoundCommand.Close.class,
            QualRoundCommand.Adjudicate.class,
            QualRoundCommand.ListRounds.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused", "2:bad usage", "3:internal failure"})
final class QualRoundCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "open",
            header = "Open a round on the current codebook version: named interviews or a seeded sample.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:opened", "2:bad usage"})
    static final class Open implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Option(names = "--coders", required = true, split = ",", paramLabel = "CODER", description = "Two or more.")
        List<String> coders;

        static final class Sample {
            @Option(names = "--interviews", split = ",", paramLabel = "ID", description = "These interviews.")
            List<String> interviews;

            @Option(names = "--sample", paramLabel = "N", description = "A random sample of N codable transcripts.")
            Integer sample;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Sample which;

        @Option(
                names = "--seed",
                defaultValue = "20260101",
                description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                Rounds r = Rounds.of(s);
                int round = which.sample != null
                        ? r.openSample(which.sample, seed, coders, study.actor())
                        : r.open(which.interviews, coders, study.actor());
                spec.commandLine().getOut().printf("Opened round %d.%n", round);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "close",
            header = "Close a round: compute and freeze its figures.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:closed", "1:refused"})
    static final class Close implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Parameters(index = "0", paramLabel = "N")
        int round;

        @Option(names = "--replicates", defaultValue = "" + ReliabilityRound.DEFAULT_REPLICATES)
        int replicates;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                Rounds.Agreement a = Rounds.of(s)
                        .close(round, ReliabilityRound.standard().withReplicates(replicates), study.actor());
                QualAgreementCommand.text(spec.commandLine().getOut(), a, replicates);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "adjudicate",
            header = "List a closed round's disagreements of two coders, or decide one (a, b, both, neither).",
            description = {
                "Without --decision: lists every disagreement (interview, code, [start, end)) with any decision so far.",
                "With --decision: decides the one at --interview --code --at START-END, with --reason. When the last is",
                "decided, the consensus (agreed spans plus each decision) is written as ordinary codings."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed or decided", "1:refused", "2:bad usage"})
    static final class Adjudicate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Parameters(index = "0", paramLabel = "N")
        int round;

        @Option(
                names = "--coders",
                split = ",",
                paramLabel = "A,B",
                description = "The two coders (default: first two).")
        List<String> coders = new ArrayList<>();

        @Option(names = "--interview", paramLabel = "ID")
        String interview;

        @Option(names = "--code", paramLabel = "CODE")
        String code;

        @Option(names = "--at", paramLabel = "START-END")
        String at;

        @Option(names = "--decision", paramLabel = "a|b|both|neither")
        String decision;

        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                Rounds r = Rounds.of(s);
                List<String> pair = coders;
                if (pair.isEmpty()) {
                    pair = r.list().stream()
                            .filter(x -> x.id() == round)
                            .findFirst()
                            .orElseThrow(() -> Problem.usage("no reliability round " + round, null))
                            .coders();
                }
                if (pair.size() < 2) throw Problem.usage("give two coders: --coders A,B", null);
                String a = pair.get(0);
                String b = pair.get(1);
                PrintWriter pw = spec.commandLine().getOut();
                if (decision == null) {
                    List<Rounds.Open> open = r.disagreements(round, a, b);
                    for (Rounds.Open o : open) {
                        pw.printf(
                                "%s  %-28s %d-%d  %s: %s  %s: %s  %s%n",
                                o.interviewId(),
                                o.code(),
                                o.disagreement().region().start(),
                                o.disagreement().region().end(),
                                a,
                                o.disagreement().a(),
                                b,
                                o.disagreement().b(),
                                o.decision() == null ? "undecided" : "decided: " + o.decision());
                    }
                    pw.printf("%d disagreement(s) between %s and %s%n", open.size(), a, b);
                } else {
                    if (interview == null || code == null || at == null) {
                        throw Problem.usage("a decision needs --interview, --code and --at START-END", null);
                    }
                    String[] se = at.split("-");
                    if (se.length != 2) throw Problem.usage("--at is START-END, e.g. 120-168", null);
                    Span region;
                    try {
                        region = new Span(Integer.parseInt(se[0].strip()), Integer.parseInt(se[1].strip()));
                    } catch (NumberFormatException e) {
                        throw Problem.usage("--at is START-END in code points, e.g. 120-168", null);
                    }
                    Rounds.Adjudicated done = r.adjudicate(
                            round,
                            a,
                            b,
                            List.of(new Rounds.Decision(
                                    interview, code, region, Disagreement.Decision.ofLabel(decision), reason)),
                            study.actor());
                    pw.printf(
                            "Decided; %d disagreement(s) left%s%n",
                            done.left(),
                            done.left() == 0 ? "; consensus written: " + done.consensusCodings() + " codings" : "");
                }
                pw.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "list",
            header = "Every round: status, coders, transcripts, decisions.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed"})
    static final class ListRounds implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                PrintWriter pw = spec.commandLine().getOut();
                for (var r : Rounds.of(s).list()) {
                    pw.printf(
                            "round %d  codebook v%d  %-6s  %d transcripts  coders %s  %d decisions%s%n",
                            r.id(),
                            r.codebookVersion(),
                            r.status(),
                            r.transcripts(),
                            String.join(",", r.coders()),
                            r.decisions(),
                            r.adjudicatedAt() == null ? "" : "  adjudicated " + r.adjudicatedAt());
                }
                pw.flush();
                return ExitCodes.OK;
            }
        }
    }
}
