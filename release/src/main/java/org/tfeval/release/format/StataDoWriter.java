package org.tfeval.release.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;

/**
 * A Stata do-file (Stata 14 or later) that reads the CSV file with {@code import delimited}, turns
 * reserved codes into extended missing values ({@code .a}-{@code .d}, as in {@link StataWriter}),
 * converts ISO dates to {@code %td}, and applies variable labels and value-label sets named after
 * their variables.
 */
public final class StataDoWriter implements DatasetWriter {

    private final WriteOptions options;

    public StataDoWriter(WriteOptions options) {
        this.options = options;
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        SetupFiles.write(target, doFile(spec));
        return new WrittenFile(target, FileFormat.STATA_DO, 0);
    }

    String doFile(DatasetSpec spec) {
        String dataFile = options.dataFileNameFor(spec.name());
        String[] temp = SetupFiles.temporaryNames(spec);
        List<String> numeric = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            VariableKind kind = spec.variable(i).kind();
            (kind == VariableKind.STRING || kind == VariableKind.DATE ? text : numeric).add(Integer.toString(i + 1));
        }
        StringBuilder b = new StringBuilder(SetupFiles.header("*", spec, dataFile, "Stata"));
        b.append("\nversion 14\n");
        b.append("import delimited using ")
                .append(quote(dataFile))
                .append(
                        ", clear varnames(1) case(preserve) encoding(\"utf-8\") delimiters(\",\") bindquotes(strict) asdouble");
        if (!numeric.isEmpty()) {
            b.append(" numericcols(").append(String.join(" ", numeric)).append(')');
        }
        if (!text.isEmpty()) {
            b.append(" stringcols(").append(String.join(" ", text)).append(')');
        }
        b.append("\n\n");
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            if (temp[i] != null) {
                b.append("generate long ")
                        .append(temp[i])
                        .append(" = date(")
                        .append(v.name())
                        .append(", \"YMD\")\n");
                for (MissingCode code : v.missingCodes().keySet()) {
                    b.append("replace ")
                            .append(temp[i])
                            .append(" = .")
                            .append(code.stataLetter())
                            .append(" if ")
                            .append(v.name())
                            .append(" == \"")
                            .append(code.code())
                            .append("\"\n");
                }
                b.append("drop ").append(v.name()).append('\n');
                b.append("rename ").append(temp[i]).append(' ').append(v.name()).append('\n');
                b.append("format ").append(v.name()).append(" %td\n");
            } else {
                for (MissingCode code : v.missingCodes().keySet()) {
                    b.append("replace ")
                            .append(v.name())
                            .append(" = .")
                            .append(code.stataLetter())
                            .append(" if ")
                            .append(v.name())
                            .append(" == ")
                            .append(code.code())
                            .append('\n');
                }
                if (v.kind() == VariableKind.DECIMAL) {
                    b.append("format ")
                            .append(v.name())
                            .append(" %")
                            .append(v.type().width())
                            .append('.')
                            .append(v.type().decimals())
                            .append("f\n");
                }
            }
        }
        StringJoiner order = new StringJoiner(" ");
        spec.variables().forEach(v -> order.add(v.name()));
        b.append("order ").append(order).append("\n\n");
        if (!spec.label().isEmpty()) {
            b.append("label data ").append(quote(spec.label())).append('\n');
        }
        for (VariableSpec v : spec.variables()) {
            if (!v.label().isEmpty()) {
                b.append("label variable ")
                        .append(v.name())
                        .append(' ')
                        .append(quote(v.label()))
                        .append('\n');
            }
        }
        for (VariableSpec v : spec.variables()) {
            if (!v.hasCodeLabels()) {
                continue;
            }
            b.append("label define ").append(v.name());
            v.valueLabels()
                    .forEach((code, label) ->
                            b.append(" ").append(code).append(' ').append(quote(label)));
            v.missingCodes()
                    .forEach((code, label) -> b.append(" .")
                            .append(code.stataLetter())
                            .append(' ')
                            .append(quote(label)));
            b.append(", replace\n");
            b.append("label values ")
                    .append(v.name())
                    .append(' ')
                    .append(v.name())
                    .append('\n');
        }
        return b.toString();
    }

    /** Compound double quotes, with macro characters escaped so labels are taken literally. */
    static String quote(String s) {
        return "`\"" + s.replace("\\", "\\\\").replace("`", "\\`").replace("$", "\\$") + "\"'";
    }
}
