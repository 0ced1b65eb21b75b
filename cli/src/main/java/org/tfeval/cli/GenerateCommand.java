package org.tfeval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.instrument.Instrument;
import org.tfeval.store.imports.ImportResult;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.synth.GeneratedStudy;
import org.tfeval.synth.StudyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", description = {"Generate a SYNTHETIC study (clearly labelled) as import-format CSV files and import it.",
        "Same seed, same data. Scales to 1,000,000 cases / 50 task forces for benchmarks."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StudyOptions study;
    @Option(names = "--cases", defaultValue = "226")
    int cases;
    @Option(names = "--sites", defaultValue = "10", description = "Task forces (8 in 10 provide case files, as in the first evaluation).")
    int sites;
    @Option(names = "--seed", defaultValue = "20240601")
    long seed;
    @Option(names = "--no-errors", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Files that import cleanly (the default); --errors plants the demo's deliberate coding errors.")
    boolean noErrors;
    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the CSV files (default: STUDY/synthetic).")
    Path out;
    @Option(names = "--no-import", description = "Only write the CSV files.")
    boolean noImport;

    @Override
    public Integer call() {
        StudyWorkspace ws = study.workspace();
        Path dir = out != null ? out : ws.dir().resolve("synthetic");
        PrintWriter pw = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        StudyGenerator generator = StudyGenerator.defaults().withCases(cases).withSites(sites).withSeed(seed).withErrors(!noErrors);
        GeneratedStudy g = generator.generate(ws.instrument(), dir, (form, done, total) -> progress.progress("generate " + form, done, total));
        pw.printf("Generated a SYNTHETIC study in %s: %s%n", dir, g.rows());
        if (noImport) return ExitCodes.OK;
        try (var session = study.open()) {
            return DemoCommand.importAll(session.store(), ws.instrument(), dir, study.actor(), pw, progress) ? ExitCodes.OK : ExitCodes.DATA_ERRORS;
        }
    }

    static boolean importForms(org.tfeval.store.Store store, Instrument ins, Path dir, String actor, PrintWriter pw, ConsoleProgress progress) {
        for (String form : ins.formNames()) {
            ImportResult r = Importer.of(store).withActor(actor).withReason("synthetic data").withProgress(progress)
                    .importFile(form, dir.resolve(form + ".csv"));
            ImportCommand.print(pw, r, OutputFormat.TEXT);
            if (!r.stored()) return false;
        }
        return true;
    }
}
