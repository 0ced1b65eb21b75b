package org.tfeval.cli.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.study.Study;
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
    private RunBench() {}

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
            System.out.printf(
                    Locale.ROOT,
                    "tfeval run: exit %d, %.1f s in the JVM; phases %s%n",
                    exit,
                    (System.nanoTime() - start) / 1e9,
                    cmd.phases);
            System.exit(exit);
        }
        System.err.println("usage: RunBench prepare DIR CASES SITES | RunBench run DIR [tfeval run options]");
        System.exit(2);
    }

    static void prepare(Path dir, int cases, int sites) throws Exception {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        ConsoleProgress progress = new ConsoleProgress(System.err);
        try (Study study = Study.create(dir, "ecm", true, null)) {
            Files.setPosixFilePermissions(study.folder().dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
            Path data = study.folder().syntheticFiles();
            long t0 = System.nanoTime();
            StudyGenerator.defaults()
                    .withCases(cases)
                    .withSites(sites)
                    .withErrors(false)
                    .generate(study.instrument(), data, (f, d, t) -> progress.progress("generate " + f, d, t));
            long t1 = System.nanoTime();
            if (!study.importForms(data, "tfeval-bench", "synthetic data", progress, r -> {})) {
                throw new IllegalStateException("the generated files were refused on import");
            }
            PrintWriter pw = new PrintWriter(System.out, true);
            pw.printf(
                    Locale.ROOT,
                    "prepared %s: %d cases, %d task forces (generate %.1f s, import %.1f s)%n",
                    study.folder().dir(),
                    cases,
                    sites,
                    (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9);
        }
    }
}
