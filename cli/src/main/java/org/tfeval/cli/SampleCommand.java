package org.tfeval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.SampleSize;
import org.tfeval.store.sample.Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sample", description = {"Draw a reproducible random sample of closed cases per task force from a case list, and record it.",
        "The same case list and seed give the same sample on any machine; --verify ID re-derives a recorded draw."})
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StudyOptions study;
    @Option(names = "--frame", required = true, paramLabel = "CASELIST", description = "CSV case list with TF_ID and CASE_REF columns.")
    Path frame;
    @Option(names = "--per-site", paramLabel = "N|MIN-MAX", description = "Cases per site: a number, or a range scaled by site size (20-40).")
    String perSite;
    @Option(names = "--seed", description = "The seed (record it: it reproduces the draw).")
    Long seed;
    @Option(names = "--replacements", defaultValue = "0", description = "Ordered replacement draws per site for files found ineligible.")
    int replacements;
    @Option(names = "--site-column", defaultValue = "TF_ID")
    String siteColumn;
    @Option(names = "--case-column", defaultValue = "CASE_REF")
    String caseColumn;
    @Option(names = "--out", paramLabel = "FILE", description = "Write the drawn cases as CSV (default: STUDY/samples/draw-ID.csv).")
    Path out;
    @Option(names = "--verify", paramLabel = "DRAW_ID", description = "Re-derive a recorded draw from the case list and compare.")
    Long verify;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        try (var session = study.open()) {
            if (verify != null) {
                List<String> problems = Sampler.verify(session.store(), verify, frame);
                if (problems.isEmpty()) {
                    pw.printf("Draw %d reproduces exactly from %s.%n", verify, frame.getFileName());
                    return ExitCodes.OK;
                }
                problems.forEach(p -> pw.println("draw " + verify + ": " + p));
                return ExitCodes.DATA_ERRORS;
            }
            if (perSite == null || seed == null) throw new IllegalArgumentException("--per-site and --seed are required to draw a sample");
            SampleDraw draw = Sampler.of(SampleSize.parse(perSite), seed).withReplacements(replacements).withColumns(siteColumn, caseColumn).draw(frame);
            draw = Sampler.record(session.store(), draw, study.actor(), Tfeval.version());
            Path file = out != null ? out : session.workspace().dir().resolve("samples").resolve("draw-" + draw.id() + ".csv");
            write(draw, file);
            Map<String, Long> bySite = draw.cases().stream().filter(c -> !c.replacement())
                    .collect(Collectors.groupingBy(SampleDraw.Drawn::tfId, TreeMap::new, Collectors.counting()));
            pw.printf("Draw %d: %d cases from %d sites (%s), seed %d, frame %s (SHA-256 %s...)%n", draw.id(), draw.sampled(), bySite.size(),
                    draw.sizeRule(), draw.seed(), draw.frameName(), ContentHash.shortId(draw.frameSha256()));
            pw.printf("Per site: %s%nWritten to %s%nVerify later with: tfeval sample --verify %d --frame %s%n", bySite, file, draw.id(), frame);
            return ExitCodes.OK;
        }
    }

    static void write(SampleDraw draw, Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                p.printRecord("DRAW_ID", "TF_ID", "CASE_REF", "DRAW_ORDER", "ROLE");
                for (SampleDraw.Drawn d : draw.cases()) {
                    p.printRecord(draw.id(), d.tfId(), d.caseRef(), d.order(), d.replacement() ? "replacement" : "sample");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
