package org.tfeval.cli.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.instrument.Instrument;
import org.tfeval.store.imports.ImportResult;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.synth.StudyGenerator;
import picocli.CommandLine;

/**
 * Measures {@code tfeval run} (not a test): {@code prepare DIR CASES SITES} creates a synthetic study
 * without planted errors and imports it (untimed); {@code run DIR [options]} times the run on it,
 * phase by phase. Run each in its own JVM so the wall time includes start-up:
 * <pre>
 * CP="cli/target/tfeval.jar:cli/target/lib/*"
 * java -cp "$CP" org.tfeval.cli.report.RunBench prepare /tmp/bench-226 226 10
 * time java -cp "$CP" org.tfeval.cli.report.RunBench run /tmp/bench-226
 * </pre>
 */
public final class RunBench {
    private RunBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("prepare")) {
            prepare(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length >= 2 && args[0].equals("run")) {
            String[] rest = new String[args.length - 2 + 2];
            rest[0] = "--study";
            rest[1] = args[1];
            System.arraycopy(args, 2, rest, 2, args.length - 2);
            long start = System.nanoTime();
            RunCommand cmd = new RunCommand();
            int exit = new CommandLine(cmd).execute(rest);
            System.out.printf(Locale.ROOT, "tfeval run: exit %d, %.1f s in the JVM; phases %s%n", exit, (System.nanoTime() - start) / 1e9, cmd.phases);
            System.exit(exit);
        }
        System.err.println("usage: RunBench prepare DIR CASES SITES | RunBench run DIR [tfeval run options]");
        System.exit(2);
    }

    static void prepare(Path dir, int cases, int sites) throws Exception {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        StudyWorkspace ws = StudyWorkspace.init(dir, "ecm", true);
        Files.setPosixFilePermissions(ws.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Instrument ins = ws.instrument();
        Path data = ws.dir().resolve("synthetic");
        ConsoleProgress progress = new ConsoleProgress(System.err);
        long t0 = System.nanoTime();
        StudyGenerator.defaults().withCases(cases).withSites(sites).withErrors(false)
                .generate(ins, data, (f, d, t) -> progress.progress("generate " + f, d, t));
        long t1 = System.nanoTime();
        try (var session = ws.open(null)) {
            for (String form : ins.formNames()) {
                ImportResult r = Importer.of(session.store()).withProgress(progress).importFile(form, data.resolve(form + ".csv"));
                if (!r.stored()) throw new IllegalStateException("import of " + form + " failed: " + r.countsByCode());
            }
        }
        PrintWriter pw = new PrintWriter(System.out, true);
        pw.printf(Locale.ROOT, "prepared %s: %d cases, %d task forces (generate %.1f s, import %.1f s)%n", ws.dir(), cases, sites, (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);
    }
}
