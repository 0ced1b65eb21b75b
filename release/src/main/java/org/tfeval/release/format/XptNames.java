package org.tfeval.release.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;

/**
 * What the SAS transport file of a dataset changes, for users: the 8-character name of every
 * variable ({@code S_ARREST_DATE} is {@code S_ARRES1}), and the string variables whose values may be
 * cut to {@value SasTransportWriter#MAX_STRING_BYTES} bytes in the transport file only. Shipped in
 * the package beside the {@code .xpt} file ({@link #fileName}) and in the SAS program.
 */
public final class XptNames {

    private XptNames() {}

    /** {@code <dataset>_xpt_names.csv}. */
    public static String fileName(String dataset) {
        return dataset + "_xpt_names.csv";
    }

    /** Whether values of the variable may be longer than a transport-file string holds. */
    static boolean mayBeCut(VariableSpec v) {
        return v.kind() == VariableKind.STRING && v.type().width() > SasTransportWriter.MAX_STRING_BYTES;
    }

    /** The note on a variable whose values may be cut, or empty. */
    static String note(VariableSpec v) {
        return mayBeCut(v)
                ? "values longer than " + SasTransportWriter.MAX_STRING_BYTES
                        + " bytes are cut to their first " + SasTransportWriter.MAX_STRING_BYTES
                        + " bytes (whole characters) in the .xpt file only; the other files hold them whole"
                : "";
    }

    /** The mapping as CSV (UTF-8): {@code variable,xpt_name,xpt_member,note}, one row per variable. */
    public static String csv(DatasetSpec spec) {
        Map<String, String> names = SasTransportWriter.shortNames(spec);
        String member = ShortNames.assign(List.of(spec.name()), SasTransportWriter.NAME_LENGTH)
                .get(spec.name());
        StringBuilder b = new StringBuilder("variable,xpt_name,xpt_member,note\r\n");
        for (VariableSpec v : spec.variables()) {
            b.append(v.name())
                    .append(',')
                    .append(names.get(v.name()))
                    .append(',')
                    .append(member)
                    .append(',')
                    .append(quote(note(v)))
                    .append("\r\n");
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.matches(".*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Writes {@link #csv} to {@code target}. */
    public static void write(DatasetSpec spec, Path target) throws IOException {
        Files.writeString(target, csv(spec), StandardCharsets.UTF_8);
    }

    /** A SAS comment block with the mapping and the code that reads the transport file with the long names. */
    static String sasSection(DatasetSpec spec, String xptFile) {
        Map<String, String> names = SasTransportWriter.shortNames(spec);
        String member = ShortNames.assign(List.of(spec.name()), SasTransportWriter.NAME_LENGTH)
                .get(spec.name());
        StringBuilder b = new StringBuilder("/*\n   The SAS transport file ")
                .append(xptFile)
                .append(" holds the same rows as member ")
                .append(member)
                .append(", with 8-character names (also listed in ")
                .append(fileName(spec.name()))
                .append("):\n");
        for (VariableSpec v : spec.variables()) {
            b.append(String.format(java.util.Locale.ROOT, "     %-8s  %s%n", names.get(v.name()), v.name()));
        }
        spec.variables().stream()
                .filter(XptNames::mayBeCut)
                .forEach(v -> b.append("   ")
                        .append(v.name())
                        .append(": ")
                        .append(note(v))
                        .append(".\n"));
        b.append("   To read it with the long names:\n\n")
                .append("   libname xpt xport \"")
                .append(xptFile)
                .append("\";\n   data ")
                .append(spec.name())
                .append("_xpt;\n     set xpt.")
                .append(member)
                .append(";\n");
        boolean any = false;
        for (VariableSpec v : spec.variables()) {
            String shortName = names.get(v.name());
            if (!shortName.equals(v.name())) {
                b.append(any ? "            " : "     rename ")
                        .append(shortName)
                        .append(" = ")
                        .append(v.name())
                        .append('\n');
                any = true;
            }
        }
        if (any) {
            b.append("     ;\n");
        }
        b.append("   run;\n*/\n\n");
        return b.toString();
    }
}
