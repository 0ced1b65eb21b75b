package org.tfeval.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.tfeval.cli.release.ReleaseCommand;
import org.tfeval.cli.report.ReportCommand;
import org.tfeval.cli.report.RunCommand;
import org.tfeval.cli.stats.AgreeCommand;
import org.tfeval.cli.stats.FitCommand;
import org.tfeval.cli.stats.KmCommand;
import org.tfeval.cli.stats.XtabCommand;
import org.tfeval.cli.web.ServeCommand;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Problems;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tfeval} command: wires picocli, and maps every failure to an exit code in one place. */
@Command(
        name = "tfeval",
        mixinStandardHelpOptions = true,
        versionProvider = Tfeval.Version.class,
        header =
                "Evaluation of human trafficking task forces: from case files and interviews to findings and a safe data release.",
        description = {
            "Every command takes --study DIR (default: the current folder) and answers --help with its options and exit codes."
        },
        subcommands = {
            InitCommand.class,
            DemoCommand.class,
            GenerateCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            ValidateCommand.class,
            SampleCommand.class,
            SnapshotCommand.class,
            EditCommand.class,
            MoveCommand.class,
            AuditCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            InstrumentCommand.class,
            RunCommand.class,
            ReportCommand.class,
            ReleaseCommand.class,
            ServeCommand.class,
            BenchCommand.class,
            FitCommand.class,
            KmCommand.class,
            XtabCommand.class,
            AgreeCommand.class,
            org.tfeval.cli.qual.TranscriptsCommand.class,
            org.tfeval.cli.qual.QualCommand.class,
            org.tfeval.cli.measures.MeasuresCommand.class,
            org.tfeval.cli.deid.DeidCommand.class,
            org.tfeval.cli.participant.ParticipantCommand.class,
            org.tfeval.cli.access.AccessCommand.class,
            org.tfeval.cli.field.FieldCommand.class,
            CommandLine.HelpCommand.class
        })
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

    /**
     * The configured command line: every command and subcommand gets --help and --version and the
     * exit-code list, and one handler maps failures to exit codes.
     */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Tfeval()));
    }

    /** Configures a command line (the whole tool, or one command run on its own) as {@code tfeval} runs it. */
    public static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(OutputFormat.class, OutputFormat::parse);
        standardise(cl);
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            PrintWriter err = line.getErr();
            Problem p = Problems.of(e);
            err.println("tfeval " + line.getCommandName() + ": " + p.describe());
            if (System.getenv("TFEVAL_DEBUG") != null) e.printStackTrace(err);
            err.flush();
            return exitCode(p.kind());
        });
        return cl;
    }

    /** The one mapping from a problem's kind to an exit code. */
    static int exitCode(Problem.Kind kind) {
        switch (kind) {
            case USAGE:
                return ExitCodes.USAGE;
            case DATA:
            case REFUSED:
                return ExitCodes.DATA_ERRORS;
            case INTERNAL:
            default:
                return ExitCodes.INTERNAL;
        }
    }

    private static void standardise(CommandLine cl) {
        CommandLine.Model.CommandSpec s = cl.getCommandSpec();
        if (!(cl.getCommand() instanceof CommandLine.HelpCommand)) s.mixinStandardHelpOptions(true);
        if (s.usageMessage().exitCodeList().isEmpty()) {
            s.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.STANDARD);
        }
        for (CommandLine sub : cl.getSubcommands().values()) standardise(sub);
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
