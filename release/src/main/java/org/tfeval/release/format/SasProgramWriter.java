package org.tfeval.release.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;

/**
 * A SAS program that defines one numeric format per coded variable ({@code PROC FORMAT}, missing
 * codes as special missing {@code .A}-{@code .D}), reads the CSV file in a DATA step, turns reserved
 * codes into special missing values, converts ISO dates, and applies labels and formats. Format
 * names are the variable name (shortened to 30 characters by {@link ShortNames}) plus {@code _F};
 * formats of dates and decimals show other values with {@code date9.} or {@code w.d}.
 * The same {@code PROC FORMAT} block serves the transport file, which cannot hold value labels.
 */
public final class SasProgramWriter implements DatasetWriter {

    /** SAS 9 format names have at most 32 characters and must not end in a digit. */
    private static final int FORMAT_STEM_LENGTH = 30;

    private static final String FORMAT_SUFFIX = "_F";
    private static final int MAX_RECORD_LENGTH = 1_048_576;

    private final WriteOptions options;

    public SasProgramWriter(WriteOptions options) {
        this.options = options;
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        SetupFiles.write(target, program(spec));
        return new WrittenFile(target, FileFormat.SAS_PROGRAM, 0);
    }

    String program(DatasetSpec spec) {
        String dataFile = options.dataFileNameFor(spec.name());
        String[] temp = SetupFiles.temporaryNames(spec);
        Map<String, String> formatNames = ShortNames.assign(
                spec.variables().stream()
                        .filter(VariableSpec::hasCodeLabels)
                        .map(VariableSpec::name)
                        .toList(),
                FORMAT_STEM_LENGTH);
        StringBuilder b = new StringBuilder("/*\n");
        b.append(SetupFiles.header("  ", spec, dataFile, "SAS"))
                .append("   Run it in a UTF-8 SAS session (sas -encoding utf8) so labels keep their characters.\n")
                .append(
                        "   PROC FORMAT below also serves the transport (.xpt) file; assign the formats to its 8-character names.\n*/\n\n");
        if (!formatNames.isEmpty()) {
            b.append("proc format;\n");
            for (VariableSpec v : spec.variables()) {
                if (!v.hasCodeLabels()) {
                    continue;
                }
                b.append("  value ")
                        .append(formatNames.get(v.name()))
                        .append(FORMAT_SUFFIX)
                        .append('\n');
                v.valueLabels()
                        .forEach((code, text) -> b.append("    ")
                                .append(code)
                                .append(" = ")
                                .append(quote(text))
                                .append('\n'));
                v.missingCodes()
                        .forEach((code, text) -> b.append("    .")
                                .append(code.sasLetter())
                                .append(" = ")
                                .append(quote(text))
                                .append('\n'));
                if (v.kind() != VariableKind.INTEGER) {
                    b.append("    other = [").append(plainFormat(v)).append("]\n");
                }
                b.append("  ;\n");
            }
            b.append("run;\n\n");
        }
        b.append("data work.").append(spec.name());
        if (!spec.label().isEmpty()) {
            b.append(" (label=").append(quote(spec.label())).append(')');
        }
        b.append(";\n");
        b.append("  infile ")
                .append(quote(dataFile))
                .append(" dsd dlm=',' firstobs=2 encoding='utf-8' termstr=crlf")
                .append(" lrecl=")
                .append(MAX_RECORD_LENGTH)
                .append(" truncover;\n");
        b.append("  length");
        for (VariableSpec v : spec.variables()) {
            b.append("\n    ")
                    .append(v.name())
                    .append(v.kind() == VariableKind.STRING ? " $ " + v.type().width() : " 8");
        }
        for (int i = 0; i < spec.size(); i++) {
            if (temp[i] != null) {
                b.append("\n    ").append(temp[i]).append(" $ 10");
            }
        }
        b.append(";\n  input");
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            b.append("\n    ")
                    .append(
                            temp[i] != null
                                    ? temp[i] + " $"
                                    : v.name() + (v.kind() == VariableKind.STRING ? " $" : ""));
        }
        b.append(";\n");
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            if (temp[i] != null) {
                String prefix = "  ";
                for (MissingCode code : v.missingCodes().keySet()) {
                    b.append(prefix)
                            .append("if ")
                            .append(temp[i])
                            .append(" = '")
                            .append(code.code())
                            .append("' then ")
                            .append(v.name())
                            .append(" = .")
                            .append(code.sasLetter())
                            .append(";\n");
                    prefix = "  else ";
                }
                b.append(prefix)
                        .append("if ")
                        .append(temp[i])
                        .append(" ne '' then ")
                        .append(v.name())
                        .append(" = input(")
                        .append(temp[i])
                        .append(", yymmdd10.);\n");
            } else if (!v.missingCodes().isEmpty()) {
                String prefix = "  ";
                for (MissingCode code : v.missingCodes().keySet()) {
                    b.append(prefix)
                            .append("if ")
                            .append(v.name())
                            .append(" = ")
                            .append(code.code())
                            .append(" then ")
                            .append(v.name())
                            .append(" = .")
                            .append(code.sasLetter())
                            .append(";\n");
                    prefix = "  else ";
                }
            }
        }
        StringBuilder drop = new StringBuilder();
        for (String t : temp) {
            if (t != null) {
                drop.append(' ').append(t);
            }
        }
        if (drop.length() > 0) {
            b.append("  drop").append(drop).append(";\n");
        }
        boolean anyLabel = spec.variables().stream().anyMatch(v -> !v.label().isEmpty());
        if (anyLabel) {
            b.append("  label");
            spec.variables().stream()
                    .filter(v -> !v.label().isEmpty())
                    .forEach(v ->
                            b.append("\n    ").append(v.name()).append(" = ").append(quote(v.label())));
            b.append(";\n");
        }
        b.append("  format");
        for (VariableSpec v : spec.variables()) {
            String format = plainFormat(v);
            if (formatNames.containsKey(v.name())) {
                format = formatNames.get(v.name()) + FORMAT_SUFFIX + ".";
            }
            b.append("\n    ").append(v.name()).append(' ').append(format);
        }
        b.append(";\nrun;\n\n");
        b.append(XptNames.sasSection(spec, FileFormat.SAS_TRANSPORT.fileName(spec.name())));
        return b.toString();
    }

    /** The SAS format of a variable without value labels. */
    private static String plainFormat(VariableSpec v) {
        return switch (v.kind()) {
            case DATE -> "date9.";
            case STRING -> "$" + v.type().width() + ".";
            case DECIMAL -> v.type().width() + "." + v.type().decimals();
            case INTEGER -> v.type().width() + ".";
        };
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
