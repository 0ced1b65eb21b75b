package org.tfeval.synth;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One output file in the import format: UTF-8, RFC 4180, a header row, then one row per record. */
final class CsvFile implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final CSVPrinter printer;
    private long rows;

    CsvFile(Path file, List<String> header) throws IOException {
        BufferedWriter out =
                new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER);
        this.printer = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(new String[0]))
                        .get());
    }

    /** Writes a record of a form, its cells in instrument order. */
    void write(Rec r) throws IOException {
        FormLayout layout = r.layout();
        for (int i = 0; i < layout.size(); i++) {
            printer.print(layout.cell(i, r.values[i]));
        }
        printer.println();
        rows++;
    }

    /** Writes a row of plain cells. */
    void writeRow(String... cells) throws IOException {
        for (String c : cells) printer.print(c);
        printer.println();
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
