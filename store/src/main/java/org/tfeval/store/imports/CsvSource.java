package org.tfeval.store.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A UTF-8 CSV file (RFC 4180, optional BOM), decoded strictly so a wrong encoding is an error, not garbage. */
final class CsvSource implements TabularSource {
    private final Path file;
    private final CountingStream counting;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final long size;
    private List<String> header;
    private long lastRow;

    CsvSource(Path file) throws IOException {
        this.file = file;
        this.size = Files.size(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(4);
        byte[] bom = raw.readNBytes(3);
        if (bom.length >= 2
                && ((bom[0] == (byte) 0xFF && bom[1] == (byte) 0xFE)
                        || (bom[0] == (byte) 0xFE && bom[1] == (byte) 0xFF))) {
            raw.close();
            throw new EncodingProblem(file.getFileName() + ": the file is UTF-16; save it as CSV UTF-8");
        }
        if (!(bom.length == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF)) raw.reset();
        counting = new CountingStream(raw);
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        parser = CSVFormat.RFC4180
                .builder()
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new InputStreamReader(counting, decoder));
        records = parser.iterator();
        CSVRecord first = nextRecord();
        if (first != null) {
            header = new ArrayList<>();
            first.forEach(header::add);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        CSVRecord r = nextRecord();
        if (r == null) return null;
        List<String> cells = new ArrayList<>(r.size());
        r.forEach(cells::add);
        lastRow++;
        return new Row(lastRow, cells);
    }

    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new EncodingProblem(file.getFileName() + " row " + (lastRow + 1)
                        + ": the file is not UTF-8 (an invalid byte sequence);" + " save it as CSV UTF-8");
            }
            throw new ImportException(
                    file.getFileName() + " row " + (lastRow + 1) + ": "
                            + e.getCause().getMessage(),
                    e);
        } catch (IllegalStateException e) {
            throw new ImportException(
                    file.getFileName() + " row " + (lastRow + 1)
                            + ": the CSV is malformed (a quoted cell is not closed, or text follows its closing quote)",
                    e);
        }
    }

    @Override
    public long position() {
        return counting.count;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The file's bytes are not in the expected encoding. */
    static final class EncodingProblem extends ImportException {
        private static final long serialVersionUID = 1L;

        EncodingProblem(String message) {
            super(message);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
