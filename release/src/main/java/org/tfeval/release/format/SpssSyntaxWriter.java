package org.tfeval.release.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

/**
 * SPSS syntax that reads the CSV file with {@code GET DATA /TYPE=TXT} and applies variable labels,
 * value labels (codes and missing codes), user-missing values ({@code MISSING VALUES}, as in
 * {@link SpssWriter}), measurement levels and formats. Dates are read as text and converted with
 * {@code NUMBER(..., SDATE10)}; the missing codes of a date go to its companion variable, as in the
 * {@code .sav} file ({@link SavDateCodes}). Also runs in PSPP.
 */
public final class SpssSyntaxWriter implements DatasetWriter {

    /** Dates are read as text first: ISO dates and missing codes both fit. */
    private static final int DATE_TEXT_WIDTH = 10;

    private final WriteOptions options;

    public SpssSyntaxWriter(WriteOptions options) {
        this.options = options;
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        SetupFiles.write(target, syntax(spec));
        return new WrittenFile(target, FileFormat.SPSS_SYNTAX, 0);
    }

    String syntax(DatasetSpec csv) {
        DatasetSpec spec = csv;
        String dataFile = options.dataFileNameFor(spec.name());
        String[] temp = SetupFiles.temporaryNames(spec);
        StringBuilder b = new StringBuilder();
        b.append(SetupFiles.header("*", spec, dataFile, "SPSS").replaceAll("\\.?\n", ".\n"))
                .append("* Run it with the CSV file in the current directory; then SAVE OUTFILE to keep a .sav.\n\n");
        b.append("GET DATA\n  /TYPE=TXT\n  /FILE=")
                .append(quote(dataFile))
                .append("\n  /ENCODING='UTF8'\n")
                .append("  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n  /DELIMITERS=\",\"\n")
                .append("  /QUALIFIER='\"'\n  /VARIABLES=\n");
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            String name = temp[i] != null ? temp[i] : v.name();
            b.append("    ").append(name).append(' ').append(inputFormat(v)).append('\n');
        }
        b.append(".\n\n");

        // in the .sav a date holds valid dates only; its missing codes go to a companion (SavDateCodes)
        Map<String, String> companions = SavDateCodes.companions(spec);
        boolean anyDates = false;
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            if (temp[i] == null) {
                continue;
            }
            anyDates = true;
            b.append("NUMERIC ").append(v.name()).append(" (DATE11).\n");
            String companion = companions.get(v.name());
            if (companion != null) {
                b.append("NUMERIC ").append(companion).append(" (F" + SavDateCodes.COMPANION_WIDTH + ".0).\n");
            }
            String keyword = "DO IF";
            for (MissingCode code : v.missingCodes().keySet()) {
                b.append(keyword)
                        .append(" (")
                        .append(temp[i])
                        .append(" EQ '")
                        .append(code.code())
                        .append("').\n")
                        .append("  COMPUTE ")
                        .append(companion)
                        .append(" = ")
                        .append(code.code())
                        .append(".\n");
                keyword = "ELSE IF";
            }
            b.append(keyword)
                    .append(" (")
                    .append(temp[i])
                    .append(" NE '').\n")
                    .append("  COMPUTE ")
                    .append(v.name())
                    .append(" = NUMBER(")
                    .append(temp[i])
                    .append(", SDATE10).\n")
                    .append("END IF.\n");
        }
        spec = SavDateCodes.spec(spec);
        if (anyDates) {
            StringJoiner order = new StringJoiner(" ");
            spec.variables().forEach(v -> order.add(v.name()));
            b.append("EXECUTE.\nADD FILES FILE=* /KEEP=").append(order).append(".\nEXECUTE.\n");
        }
        b.append('\n');

        List<VariableSpec> numeric = spec.variables().stream()
                .filter(v -> v.kind() == VariableKind.INTEGER || v.kind() == VariableKind.DECIMAL)
                .toList();
        if (!numeric.isEmpty()) {
            b.append("FORMATS\n");
            for (VariableSpec v : numeric) {
                b.append("  ")
                        .append(v.name())
                        .append(" (F")
                        .append(v.type().width())
                        .append('.')
                        .append(v.type().decimals())
                        .append(")\n");
            }
            b.append(".\n\n");
        }
        if (!spec.label().isEmpty()) {
            b.append("FILE LABEL ").append(quote(spec.label())).append(".\n\n");
        }
        List<VariableSpec> labelled =
                spec.variables().stream().filter(v -> !v.label().isEmpty()).toList();
        if (!labelled.isEmpty()) {
            b.append("VARIABLE LABELS\n");
            for (int i = 0; i < labelled.size(); i++) {
                b.append(i == 0 ? "   " : "  /")
                        .append(labelled.get(i).name())
                        .append(' ')
                        .append(quote(labelled.get(i).label()))
                        .append('\n');
            }
            b.append(".\n\n");
        }
        List<VariableSpec> coded =
                spec.variables().stream().filter(VariableSpec::hasCodeLabels).toList();
        if (!coded.isEmpty()) {
            b.append("VALUE LABELS\n");
            for (VariableSpec v : coded) {
                b.append("  /").append(v.name()).append('\n');
                for (Map.Entry<Long, String> e : codeLabels(v).entrySet()) {
                    b.append("    ")
                            .append(e.getKey())
                            .append(' ')
                            .append(quote(e.getValue()))
                            .append('\n');
                }
            }
            b.append(".\n\n");
        }
        for (VariableSpec v : spec.variables()) {
            if (!v.missingCodes().isEmpty()) {
                b.append("MISSING VALUES ")
                        .append(v.name())
                        .append(" (")
                        .append(missingList(v))
                        .append(").\n");
            }
        }
        List<String> nominal = new ArrayList<>();
        List<String> scale = new ArrayList<>();
        for (VariableSpec v : spec.variables()) {
            (v.kind() == VariableKind.STRING || !v.valueLabels().isEmpty() ? nominal : scale).add(v.name());
        }
        if (!nominal.isEmpty()) {
            b.append("VARIABLE LEVEL ").append(String.join(" ", nominal)).append(" (NOMINAL).\n");
        }
        if (!scale.isEmpty()) {
            b.append("VARIABLE LEVEL ").append(String.join(" ", scale)).append(" (SCALE).\n");
        }
        b.append("EXECUTE.\n");
        return b.toString();
    }

    /** Value labels then missing-code labels, by code. */
    static TreeMap<Long, String> codeLabels(VariableSpec v) {
        TreeMap<Long, String> all = new TreeMap<>(v.valueLabels());
        v.missingCodes().forEach((code, text) -> all.put((long) code.code(), text));
        return all;
    }

    private static String missingList(VariableSpec v) {
        double[] values = SpssWriter.missingValues(v);
        if (v.missingCodes().size() == MissingCode.values().length) {
            return (long) values[0] + " THRU " + (long) values[1];
        }
        StringJoiner j = new StringJoiner(", ");
        for (double d : values) {
            j.add(Long.toString((long) d));
        }
        return j.toString();
    }

    /**
     * Numbers are read as F40.0: the widest field, and no implied decimals (F8.2 would read "36"
     * as 0.36); FORMATS then sets the display format.
     */
    private static String inputFormat(VariableSpec v) {
        return switch (v.kind()) {
            case INTEGER, DECIMAL -> "F" + VariableType.MAX_NUMERIC_WIDTH + ".0";
            case STRING -> "A" + v.type().width();
            case DATE -> "A" + DATE_TEXT_WIDTH;
        };
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
