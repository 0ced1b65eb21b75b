package org.tfeval.web.keying;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fixed paper case file of the keying benchmark and tests: one case, one victim, one suspect and
 * two offenses, in the import format (one CSV per form, a header of variable names), in the order the
 * paper shows it.
 *
 * @param rows the rows of each form, in keying order (case, victim, suspect, offense)
 */
public record PaperCase(Map<String, List<Map<String, String>>> rows) {
    /** The forms of a case file in the order a coder keys them. */
    public static final List<String> FORMS = List.of("case", "victim", "suspect", "offense");

    public PaperCase {
        Objects.requireNonNull(rows, "rows");
        rows = Map.copyOf(rows);
    }

    /** The paper case shipped with the tests. */
    public static PaperCase typical() {
        Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
        for (String form : FORMS) rows.put(form, parse(text(form)));
        return new PaperCase(rows);
    }

    /** Writes the forms' CSV files into {@code dir}, for import. */
    public static void writeCsv(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String form : FORMS) Files.writeString(dir.resolve(form + ".csv"), text(form), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of one form. */
    public List<Map<String, String>> of(String form) {
        List<Map<String, String>> r = rows.get(form);
        if (r == null) throw new IllegalArgumentException("the paper case has no form " + form);
        return r;
    }

    private static String text(String form) {
        try (InputStream in = PaperCase.class.getResourceAsStream(form + ".csv")) {
            if (in == null) throw new IllegalStateException("the paper case's " + form + ".csv is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's CSV has no quoted cells: a header and rows split on commas. */
    private static List<Map<String, String>> parse(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.length)
                throw new IllegalStateException(
                        "a paper-case row has " + cells.length + " cells, not " + header.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
            out.add(row);
        }
        return List.copyOf(out);
    }
}
