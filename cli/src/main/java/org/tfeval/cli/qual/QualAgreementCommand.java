package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.OutputFormat;
import org.tfeval.cli.StudyOptions;
import org.tfeval.qual.agreement.Estimate;
import org.tfeval.qual.agreement.PairwiseKappa;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import org.tfeval.study.qual.Rounds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "agreement",
        header = "Inter-coder reliability of a coding round, per code.",
        description = {
            "Percent agreement and Cohen's kappa over characters as NVivo computes them (first two coders; with more,",
            "also every pair), Krippendorff's",
            "alpha on speaker turns as units (any number of coders; a transcript a coder did not code is missing), and the",
            "unitizing alpha (alpha_U, Krippendorff 2004) on the raw spans. Each with a percentile bootstrap interval over",
            "turns and P(alpha < 0.80), the share of bootstrap replicates below the conventional minimum."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:computed", "2:bad usage (no such round)", "3:internal failure"})
final class QualAgreementCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--round", required = true, paramLabel = "N", description = "The round.")
    int round;

    @Option(
            names = "--replicates",
            defaultValue = "" + ReliabilityRound.DEFAULT_REPLICATES,
            description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--format", defaultValue = "text", description = "Output: text or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Rounds.Agreement a =
                    Rounds.of(s).agreement(round, ReliabilityRound.standard().withReplicates(replicates));
            PrintWriter pw = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) pw.println(StudyJson.pretty(Rounds.tree(a)));
            else text(pw, a, replicates);
            pw.flush();
            return ExitCodes.OK;
        }
    }

    static void text(PrintWriter pw, Rounds.Agreement a, int replicates) {
        ReliabilityRound.Figures f = a.figures();
        pw.printf(
                "Round %d: %d coders, %d transcripts, %d turns; intervals %d bootstrap replicates%n",
                a.round(), f.coders().size(), f.sources(), f.turns(), replicates);
        pw.printf(
                "%-28s %7s  %-24s %-24s %-24s%n",
                "code", "agree%", "kappa [95% CI] P<.80", "alpha turns [CI] P<.80", "alpha_U [CI] P<.80");
        for (ReliabilityRound.CodeFigures c : f.codes()) {
            pw.printf(
                    Locale.ROOT,
                    "%-28s %7.1f  %-24s %-24s %-24s%n",
                    c.code(),
                    c.percentAgreement(),
                    text(c.kappa()),
                    text(c.turnAlpha()),
                    text(c.unitizingAlpha()));
        }
        if (f.coders().size() > 2) {
            pw.println("Character kappa per pair of coders (NVivo):");
            for (PairwiseKappa.Pair p : a.pairs()) {
                pw.printf(
                        Locale.ROOT,
                        "  %-28s %s-%s  agree %.1f%%  kappa %.3f%n",
                        p.code(),
                        p.coderA(),
                        p.coderB(),
                        p.percentAgreement(),
                        p.kappa());
            }
        }
    }

    private static String text(Estimate e) {
        if (Double.isNaN(e.value())) return "n/a";
        return String.format(
                Locale.ROOT,
                "%.3f [%.2f, %.2f] %.2f",
                e.value(),
                e.lower(),
                e.upper(),
                Double.isNaN(e.belowThreshold()) ? 0.0 : e.belowThreshold());
    }
}
