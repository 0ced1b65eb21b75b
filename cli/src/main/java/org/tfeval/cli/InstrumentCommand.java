package org.tfeval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.InstrumentWriter;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.redcap.RedcapDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "instrument", description = {"Show or convert an instrument:", "  instrument show [FILE]",
        "  instrument to-redcap --out DICT.csv [FILE]     REDCap data dictionary with tfeval_* columns",
        "  instrument from-redcap DICT.csv --out FILE.yaml"})
final class InstrumentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "show|to-redcap|from-redcap")
    String action;
    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Instrument YAML or REDCap CSV (default: the built-in ECM instrument).")
    Path file;
    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter pw = spec.commandLine().getOut();
        switch (action) {
            case "show" -> {
                Instrument ins = load();
                pw.printf("%s %s: %s%n", ins.id(), ins.version(), ins.title());
                for (Form f : ins.forms()) {
                    pw.printf("%n%s (%s), key %s%n", f.name(), f.label(), f.key());
                    for (Variable v : f.variables()) {
                        pw.printf("  %-24s %-8s %-10s %-10s %s%s%n", v.name(), v.type().name().toLowerCase(), v.disclosure().name().toLowerCase(),
                                v.release().name().toLowerCase(), v.label(), v.appliesWhen() == null ? "" : "  [when " + v.appliesWhen().source() + "]");
                    }
                }
            }
            case "to-redcap" -> {
                if (out == null) throw new IllegalArgumentException("to-redcap needs --out DICT.csv");
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    RedcapDictionary.write(load(), w);
                }
                pw.printf("Wrote the REDCap data dictionary %s%n", out);
            }
            case "from-redcap" -> {
                if (file == null || out == null) throw new IllegalArgumentException("from-redcap needs DICT.csv and --out FILE.yaml");
                Instrument ins;
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    ins = RedcapDictionary.read(r, file.getFileName().toString(), InstrumentLoader.builtIn("ecm"));
                }
                Files.writeString(out, InstrumentWriter.toYaml(ins), StandardCharsets.UTF_8);
                pw.printf("Wrote instrument %s with %d forms%n", out, ins.forms().size());
            }
            default -> throw new IllegalArgumentException("unknown instrument action '" + action + "'");
        }
        pw.flush();
        return ExitCodes.OK;
    }

    private Instrument load() {
        try {
            return file == null ? InstrumentLoader.builtIn("ecm") : InstrumentLoader.load(file);
        } catch (RuntimeException e) {
            throw e;
        }
    }

}
