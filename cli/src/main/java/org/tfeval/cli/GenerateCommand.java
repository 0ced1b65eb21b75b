package org.tfeval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.study.Study;
import org.tfeval.study.StudyFolder;
import org.tfeval.synth.GeneratedStudy;
import org.tfeval.synth.StudyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        header = "Generate a SYNTHETIC study (clearly labelled) as import-format CSV files and import it.",
        description = {
            "Same seed, same data. Scales to 1,000,000 cases / 50 task forces for benchmarks. The files import cleanly;",
            "--plant-errors adds the deliberate coding errors the demo uses (import then refuses the files, as it should)."
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--cases", defaultValue = "226", description = "Cases (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(
            names = "--sites",
            defaultValue = "10",
            description =
                    "Task forces; 8 in 10 provide case files, as in the first evaluation (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--seed", defaultValue = "20240601", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--plant-errors",
            description = "Plant the demo's deliberate coding errors in the files (they will not import).")
    boolean plantErrors;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the CSV files (default: STUDY/synthetic).")
    Path out;

    @Option(names = "--no-import", description = "Only write the CSV files.")
    boolean noImport;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        StudyFolder folder = out != null && noImport ? null : study.folder();
        Path dir = out != null ? out : folder.syntheticFiles();
        StudyGenerator generator = StudyGenerator.defaults()
                .withCases(cases)
                .withSites(sites)
                .withSeed(seed)
                .withErrors(plantErrors);
        GeneratedStudy g = generator.generate(
                folder != null ? InstrumentLoader.load(folder.instrumentFile()) : InstrumentLoader.builtIn("ecm"),
                dir,
                (form, done, total) -> progress.progress("generate " + form, done, total));
        pw.printf(
                "Generated a SYNTHETIC study in %s: %s%s%n",
                dir, g.rows(), plantErrors ? " with " + g.injectedErrors().size() + " planted coding errors" : "");
        if (noImport) return ExitCodes.OK;
        try (Study s = study.open()) {
            boolean all = s.importForms(
                    dir, study.actor(), "synthetic data", progress, r -> ImportCommand.print(pw, r, OutputFormat.TEXT));
            return all ? ExitCodes.OK : ExitCodes.DATA_ERRORS;
        }
    }
}
