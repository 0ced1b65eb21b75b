package org.tfeval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sample",
        header = "Draw a reproducible random sample of closed cases per task force, and record it.",
        description = {
            "The same case list and seed give the same sample on any machine; --verify ID re-derives a recorded draw."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:drawn and recorded, or the draw reproduces",
            "1:the recorded draw does not reproduce from this case list",
            "2:bad usage or a case list with problems",
            "3:internal failure"
        })
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(
            names = "--frame",
            required = true,
            paramLabel = "CASELIST",
            description = "CSV case list with TF_ID and CASE_REF columns.")
    Path frame;

    @Option(
            names = "--per-site",
            paramLabel = "N|MIN-MAX",
            description = "Cases per site: a number, or a range scaled by site size (20-40).")
    String perSite;

    @Option(names = "--seed", description = "The seed (record it: it reproduces the draw).")
    Long seed;

    @Option(
            names = "--replacements",
            defaultValue = "0",
            description = "Ordered replacement draws per site for files found ineligible (default: ${DEFAULT-VALUE}).")
    int replacements;

    @Option(
            names = "--site-column",
            defaultValue = "TF_ID",
            description = "The case list's site column (default: ${DEFAULT-VALUE}).")
    String siteColumn;

    @Option(
            names = "--case-column",
            defaultValue = "CASE_REF",
            description = "The case list's case reference column (default: ${DEFAULT-VALUE}).")
    String caseColumn;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the drawn cases as CSV (default: STUDY/samples/draw-ID.csv).")
    Path out;

    @Option(
            names = "--verify",
            paramLabel = "DRAW_ID",
            description = "Re-derive a recorded draw from the case list and compare.")
    Long verify;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        if (verify == null && (perSite == null || seed == null)) {
            throw Problem.usage(
                    "--per-site and --seed are required to draw a sample", "or give --verify DRAW_ID to re-derive one");
        }
        try (Study s = study.open()) {
            if (verify != null) {
                List<String> problems = s.verifySample(verify, frame);
                if (problems.isEmpty()) {
                    pw.printf("Draw %d reproduces exactly from %s.%n", verify, frame.getFileName());
                    return ExitCodes.OK;
                }
                problems.forEach(p -> pw.println("draw " + verify + ": " + p));
                return ExitCodes.DATA_ERRORS;
            }
            Study.Sampled draw = s.sample(
                    new Study.SampleDesign(perSite, seed, replacements, siteColumn, caseColumn),
                    frame,
                    study.actor(),
                    Tfeval.version(),
                    out);
            pw.printf(
                    "Draw %d: %d cases from %d sites (%s), seed %d, frame %s (SHA-256 %s...)%n",
                    draw.id(),
                    draw.sampled(),
                    draw.perSite().size(),
                    draw.sizeRule(),
                    draw.seed(),
                    draw.frameName(),
                    draw.frameSha256().substring(0, 12));
            pw.printf(
                    "Per site: %s%nWritten to %s%nVerify later with: tfeval sample --verify %d --frame %s%n",
                    new TreeMap<>(draw.perSite()), draw.file(), draw.id(), frame);
            return ExitCodes.OK;
        }
    }
}
