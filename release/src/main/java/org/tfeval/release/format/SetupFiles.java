package org.tfeval.release.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableKind;

/** What the setup-program writers share: file output and helper names. */
final class SetupFiles {
    private SetupFiles() {}

    static void write(Path target, String text) throws IOException {
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    /**
     * Names for the temporary text copies of date columns: {@code tfv_1}, {@code tfv_2}, ... by
     * variable position, skipping names the dataset uses.
     */
    static String[] temporaryNames(DatasetSpec spec) {
        Set<String> used = new HashSet<>();
        spec.variables().forEach(v -> used.add(v.name().toLowerCase(Locale.ROOT)));
        String[] out = new String[spec.size()];
        int k = 0;
        for (int i = 0; i < spec.size(); i++) {
            if (spec.variable(i).kind() == VariableKind.DATE) {
                String candidate;
                do {
                    candidate = "tfv_" + (++k);
                } while (used.contains(candidate));
                out[i] = candidate;
            }
        }
        return out;
    }

    static String header(String commentPrefix, DatasetSpec spec, String dataFile, String tool) {
        return commentPrefix + " " + tool + " setup for dataset " + spec.name() + " written by tfeval-release.\n"
                + commentPrefix + " Reads " + dataFile + " (UTF-8 CSV) from the working directory and applies\n"
                + commentPrefix + " variable labels, value labels and missing values. Reserved missing codes:\n"
                + commentPrefix + " " + ReservedCodes.list() + ".\n";
    }
}
