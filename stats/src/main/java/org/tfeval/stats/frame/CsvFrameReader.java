package org.tfeval.stats.frame;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;

/**
 * Reads a CSV file with a header row into a {@link DataFrame}. Blank cells and the tokens in {@link
 * #DEFAULT_MISSING_TOKENS} are missing values. A column is numeric when every non-missing cell parses
 * as a decimal number; otherwise it is text. Configured by copy.
 */
public final class CsvFrameReader {

    /** Cell texts read as missing besides the empty string: R's {@code NA} and common spellings. */
    public static final Set<String> DEFAULT_MISSING_TOKENS = Set.of("NA", "NaN", ".");

    private final Set<String> missingTokens;
    private final char delimiter;

    private CsvFrameReader(Set<String> missingTokens, char delimiter) {
        this.missingTokens = Set.copyOf(missingTokens);
        this.delimiter = delimiter;
    }

    /** Comma-separated, RFC 4180 quoting, {@link #DEFAULT_MISSING_TOKENS}. */
    public static CsvFrameReader standard() {
        return new CsvFrameReader(DEFAULT_MISSING_TOKENS, ',');
    }

    /** A copy that reads these tokens (besides blank) as missing. */
    public CsvFrameReader withMissingTokens(Set<String> tokens) {
        return new CsvFrameReader(tokens, delimiter);
    }

    /** A copy that splits fields on {@code delimiter}. */
    public CsvFrameReader withDelimiter(char delimiter) {
        return new CsvFrameReader(missingTokens, delimiter);
    }

    /** Reads a UTF-8 file. */
    public DataFrame read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(InputViolation.ofData(InputViolation.BAD_CSV, "file not found: " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads CSV text; {@code source} names it in messages. */
    public DataFrame read(Reader reader, String source) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new InvalidInputException(
                        InputViolation.ofData(InputViolation.BAD_CSV, source + " has no header row"));
            }
            int k = header.size();
            List<List<String>> cells = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                cells.add(new ArrayList<>());
            }
            List<InputViolation> problems = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (rec.size() != k) {
                    problems.add(new InputViolation(
                            InputViolation.BAD_CSV,
                            "",
                            rec.getRecordNumber() + 1,
                            source + ": expected " + k + " fields, found " + rec.size()));
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    cells.get(j).add(rec.get(j));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            List<Column> columns = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                columns.add(toColumn(header.get(j), cells.get(j)));
            }
            return DataFrame.of(columns);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(
                    InputViolation.ofData(InputViolation.BAD_CSV, source + " is not valid CSV"));
        }
    }

    private Column toColumn(String name, List<String> raw) {
        int n = raw.size();
        double[] numbers = new double[n];
        boolean numeric = true;
        for (int i = 0; i < n; i++) {
            String s = raw.get(i);
            if (isMissing(s)) {
                numbers[i] = Double.NaN;
                continue;
            }
            double v = parseNumber(s);
            if (Double.isNaN(v)) {
                numeric = false;
                break;
            }
            numbers[i] = v;
        }
        if (numeric) {
            return new NumericColumn(name, numbers);
        }
        String[] text = new String[n];
        for (int i = 0; i < n; i++) {
            String s = raw.get(i);
            text[i] = isMissing(s) ? null : s;
        }
        return new StringColumn(name, text);
    }

    private boolean isMissing(String s) {
        return s == null || s.isEmpty() || missingTokens.contains(s);
    }

    /** Parses a plain decimal number; NaN when the text is not one (hex, "Infinity" are rejected). */
    static double parseNumber(String s) {
        int len = s.length();
        boolean digit = false;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
