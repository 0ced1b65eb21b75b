package org.tfeval.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.tfeval.cli.release.ReleaseCommand;
import org.tfeval.cli.report.ReportCommand;
import org.tfeval.cli.report.RunCommand;
import org.tfeval.cli.stats.AgreeCommand;
import org.tfeval.cli.web.ServeCommand;
import org.tfeval.cli.stats.FitCommand;
import org.tfeval.cli.stats.KmCommand;
import org.tfeval.cli.stats.XtabCommand;
import org.tfeval.instrument.InstrumentException;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.imports.ImportException;
import org.tfeval.store.sample.Sampler;
import org.tfeval.store.snapshot.SnapshotTaker;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tfeval} command. */
@Command(name = "tfeval", mixinStandardHelpOptions = true, versionProvider = Tfeval.Version.class,
        description = "Evaluation of human trafficking task forces: from case files and interviews to findings and a safe data release.",
        subcommands = {InitCommand.class, DemoCommand.class, GenerateCommand.class, ImportCommand.class, ExportCommand.class,
                ValidateCommand.class, SampleCommand.class, SnapshotCommand.class, EditCommand.class, AuditCommand.class,
                InstrumentCommand.class, RunCommand.class, ReportCommand.class, ReleaseCommand.class, ServeCommand.class,
                BenchCommand.class, FitCommand.class, KmCommand.class, XtabCommand.class, AgreeCommand.class, CommandLine.HelpCommand.class})
public final class Tfeval implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, with the one mapper from failures to exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Tfeval());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            PrintWriter err = line.getErr();
            int code = exitCode(e);
            err.println("tfeval: " + message(e));
            if (System.getenv("TFEVAL_DEBUG") != null) e.printStackTrace(err);
            err.flush();
            return code;
        });
        return cl;
    }

    static int exitCode(Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof InstrumentException || e instanceof ImportException
                || e instanceof org.tfeval.stats.InvalidInputException
                || e instanceof RecordEditor.EditException || e instanceof Sampler.FrameException || e instanceof IllegalStateException
                && e.getMessage() != null && e.getMessage().startsWith("no study")) {
            return ExitCodes.USAGE;
        }
        if (e instanceof SnapshotTaker.RefusedException) return ExitCodes.DATA_ERRORS;
        return ExitCodes.INTERNAL;
    }

    static String message(Throwable e) {
        if (e instanceof org.tfeval.instrument.workflow.Problem p) return p.describe();
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tfeval " + version()};
        }
    }

    public static String version() {
        try (InputStream in = Tfeval.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException | NullPointerException e) {
            return "dev";
        }
    }
}
