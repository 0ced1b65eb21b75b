package org.tfeval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.InstrumentWriter;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.redcap.RedcapDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "instrument",
        header = "Show an instrument, or convert it to and from a REDCap data dictionary.",
        description =
                "The instrument (YAML) is the single source of truth: tables, validation, forms, exports and codebooks derive from it.",
        subcommands = {
            InstrumentCommand.Show.class,
            InstrumentCommand.ToRedcap.class,
            InstrumentCommand.FromRedcap.class
        })
final class InstrumentCommand implements Callable<Integer> {
    /** The built-in instrument used when no file is given. */
    static final String BUILT_IN = "ecm";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    static Instrument load(Path file) {
        return file == null ? InstrumentLoader.builtIn(BUILT_IN) : InstrumentLoader.load(file);
    }

    @Command(name = "show", header = "List the forms and variables of an instrument.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "FILE",
                description = "Instrument YAML (default: the built-in ECM instrument).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter pw = spec.commandLine().getOut();
            Instrument ins = load(file);
            pw.printf("%s %s: %s%n", ins.id(), ins.version(), ins.title());
            for (Form f : ins.forms()) {
                pw.printf("%n%s (%s), key %s%n", f.name(), f.label(), f.key());
                for (Variable v : f.variables()) {
                    pw.printf(
                            "  %-24s %-8s %-10s %-10s %s%s%n",
                            v.name(),
                            v.type().name().toLowerCase(Locale.ROOT),
                            v.disclosure().name().toLowerCase(Locale.ROOT),
                            v.release().name().toLowerCase(Locale.ROOT),
                            v.label(),
                            v.appliesWhen() == null
                                    ? ""
                                    : "  [when " + v.appliesWhen().source() + "]");
                }
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "to-redcap", header = "Write a REDCap data dictionary (18 columns plus tfeval_* columns).")
    static final class ToRedcap implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "FILE",
                description = "Instrument YAML (default: the built-in ECM instrument).")
        Path file;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "DICT.csv",
                description = "The data dictionary to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                RedcapDictionary.write(load(file), w);
            }
            spec.commandLine().getOut().printf("Wrote the REDCap data dictionary %s%n", out);
            return ExitCodes.OK;
        }
    }

    @Command(name = "from-redcap", header = "Read a REDCap data dictionary into an instrument YAML file.")
    static final class FromRedcap implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DICT.csv", description = "The REDCap data dictionary.")
        Path file;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE.yaml",
                description = "The instrument file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            Instrument ins;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ins = RedcapDictionary.read(r, file.getFileName().toString(), InstrumentLoader.builtIn(BUILT_IN));
            }
            Files.writeString(out, InstrumentWriter.toYaml(ins), StandardCharsets.UTF_8);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Wrote instrument %s with %d forms%n",
                            out, ins.forms().size());
            return ExitCodes.OK;
        }
    }
}
