package org.tfeval.release.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;

/**
 * CSV, UTF-8 without byte-order mark, RFC 4180 (comma, double quotes, CRLF), one header line of
 * variable names. Integers are written as digits, decimals in plain notation (never exponents),
 * dates as ISO {@code yyyy-mm-dd}, reserved missing codes as their numbers ({@code -9}), system
 * missing and empty strings as empty fields. Labels live in the setup programs and codebooks.
 */
public final class CsvWriter implements DatasetWriter {

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        String[] header = spec.variables().stream().map(VariableSpec::name).toArray(String[]::new);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).get();
        long n;
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, format)) {
            Object[] fields = new Object[spec.size()];
            n = spec.forEachRow(rows, row -> {
                for (int i = 0; i < row.length; i++) {
                    fields[i] = text(row[i]);
                }
                printer.printRecord(fields);
            });
        }
        return new WrittenFile(target, FileFormat.CSV, n);
    }

    /** The CSV text of a normalised cell. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof MissingCode code) {
            return Long.toString(code.code());
        }
        if (cell instanceof Double d) {
            return plain(d);
        }
        if (cell instanceof LocalDate date) {
            return date.toString();
        }
        return cell.toString();
    }

    /** Shortest decimal that reads back as {@code d}, without exponent: 0.00001, not 1.0E-5. */
    static String plain(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
