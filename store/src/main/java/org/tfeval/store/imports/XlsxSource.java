package org.tfeval.store.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The first sheet of an XLSX workbook, streamed. Numbers are written plainly (1, not 1.0) and cells
 * formatted as dates become YYYY-MM-DD.
 */
final class XlsxSource implements TabularSource {
    private final InputStream in;
    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> rows;
    private final Iterator<org.dhatim.fastexcel.reader.Row> iterator;
    private final Path file;
    private List<String> header;
    private long lastRow;

    XlsxSource(Path file) throws IOException {
        in = Files.newInputStream(file);
        try {
            workbook = new ReadableWorkbook(in, new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw damaged(file, e);
        }
        this.file = file;
        try {
            Sheet sheet = workbook.getFirstSheet();
            rows = sheet.openStream();
            iterator = rows.iterator();
            if (iterator.hasNext()) header = cells(iterator.next());
            while (header != null && header.stream().allMatch(String::isBlank) && iterator.hasNext())
                header = cells(iterator.next());
        } catch (IOException | RuntimeException e) {
            workbook.close();
            in.close();
            throw damaged(file, e);
        }
    }

    /**
     * A workbook whose ZIP or XML cannot be read. The parser's own message is not shown: it names
     * parser classes and may quote the damaged cell's text.
     */
    private static ImportException damaged(Path file, Exception cause) {
        return new ImportException(
                file.getFileName() + ": not a readable XLSX workbook (its ZIP or sheet XML is damaged);"
                        + " save it again from the spreadsheet program, or save it as CSV UTF-8",
                cause);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        try {
            while (iterator.hasNext()) {
                List<String> cells = cells(iterator.next());
                lastRow++;
                // a sheet has no short rows: empty cells at the end of a row are simply not written
                while (cells.size() < header.size()) cells.add("");
                if (!cells.stream().allMatch(String::isBlank)) return new Row(lastRow, cells);
            }
        } catch (RuntimeException e) {
            throw damaged(file, e);
        }
        return null;
    }

    private static List<String> cells(org.dhatim.fastexcel.reader.Row row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell c = row.getCell(i);
            out.add(c == null ? "" : text(c));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static String text(Cell c) {
        return switch (c.getType()) {
            case NUMBER -> {
                String fmt = c.getDataFormatString();
                if (fmt != null && isDateFormat(fmt))
                    yield c.asDate().toLocalDate().toString();
                BigDecimal d = c.asNumber().stripTrailingZeros();
                yield (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
            }
            case BOOLEAN -> c.asBoolean() ? "1" : "0";
            case EMPTY -> "";
            default -> c.getText() == null ? "" : c.getText();
        };
    }

    private static boolean isDateFormat(String fmt) {
        String f = fmt.toLowerCase(java.util.Locale.ROOT).replaceAll("\"[^\"]*\"", "");
        return (f.contains("y") || f.contains("d")) && !f.contains("0");
    }

    @Override
    public long position() {
        return -1;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
        in.close();
    }
}
