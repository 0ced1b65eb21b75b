package org.tfeval.cli.stats;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import org.tfeval.cli.Tfeval;
import picocli.CommandLine;

/** Runs one command as {@code tfeval} does (its failure handler included) and captures exit code, stdout and stderr. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(Callable<Integer> command, String... args) {
        CommandLine cl = Tfeval.commandLine();
        String[] all = new String[args.length + 1];
        all[0] = command.getClass().getAnnotation(CommandLine.Command.class).name();
        System.arraycopy(args, 0, all, 1, args.length);
        args = all;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** The shared reference data folder (surefire passes tfeval.shared). */
    static Path reference() {
        String shared = System.getProperty("tfeval.shared");
        return (shared != null ? Paths.get(shared) : Paths.get("..", "..", "shared"))
                .resolve("reference")
                .normalize();
    }
}
