package org.tfeval.measures.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.tfeval.instrument.workflow.Problem;

/**
 * Reads a measure file: CSV (UTF-8, comma, header row) or the first sheet of an XLSX workbook (the library
 * the case-form import uses). Header names are matched ignoring case; a missing required column is a usage
 * problem naming it. Cell values never appear in messages.
 */
public final class MeasureFile {
    private MeasureFile() {}

    /** The rows of a file, in file order. */
    public static List<MeasureRow> read(Path file) {
        if (!Files.isRegularFile(file)) throw Problem.usage("no such file: " + file, "check the path");
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".xlsx")) return xlsx(file, name);
            if (lower.endsWith(".csv") || lower.endsWith(".txt")) return csv(file, name);
        } catch (IOException e) {
            throw new Problem.Usage(
                    name + ": cannot be read as " + (lower.endsWith(".xlsx") ? "an XLSX workbook" : "UTF-8 CSV"),
                    "save it again as CSV UTF-8 or XLSX",
                    e);
        }
        throw Problem.usage(name + ": a measure file is .csv or .xlsx", null);
    }

    private static List<MeasureRow> csv(Path file, String name) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder));
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(r)) {
            Map<Column, Integer> at = columns(name, p.getHeaderNames());
            List<MeasureRow> out = new ArrayList<>();
            long row = 0;
            for (CSVRecord rec : p) {
                row++;
                Map<Column, String> cells = new EnumMap<>(Column.class);
                at.forEach((c, i) -> cells.put(c, i < rec.size() ? rec.get(i) : ""));
                if (cells.values().stream().allMatch(String::isBlank)) continue;
                out.add(new MeasureRow(name, row, cells));
            }
            return out;
        } catch (CharacterCodingException e) {
            throw Problem.usage(name + ": not UTF-8 text", "save it as CSV UTF-8");
        } catch (java.io.UncheckedIOException e) {
            throw Problem.usage(
                    name + ": not well-formed CSV (" + e.getCause().getClass().getSimpleName() + ")",
                    "save it again as CSV UTF-8");
        }
    }

    private static List<MeasureRow> xlsx(Path file, String name) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, false));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<MeasureRow> out = new ArrayList<>();
            Map<Column, Integer> at = null;
            long row = 0;
            for (Row r : (Iterable<Row>) rows::iterator) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) cells.add(text(r.getCell(i)));
                if (cells.stream().allMatch(String::isBlank)) continue;
                if (at == null) {
                    at = columns(name, cells);
                    continue;
                }
                row++;
                Map<Column, String> m = new EnumMap<>(Column.class);
                for (Map.Entry<Column, Integer> e : at.entrySet())
                    m.put(e.getKey(), e.getValue() < cells.size() ? cells.get(e.getValue()) : "");
                out.add(new MeasureRow(name, row, m));
            }
            if (at == null) throw Problem.usage(name + ": the first sheet is empty", null);
            return out;
        } catch (RuntimeException e) {
            if (e instanceof Problem) throw e;
            throw new Problem.Usage(name + ": not a readable XLSX workbook", "save it again as XLSX or CSV UTF-8", e);
        }
    }

    private static String text(Cell c) {
        if (c == null) return "";
        if (c.getType() == CellType.NUMBER) {
            if (c.getDataFormatId() != null && isDateFormat(c.getDataFormatString())) {
                return c.asDate().toLocalDate().toString();
            }
            BigDecimal d = c.asNumber();
            return d.stripTrailingZeros().toPlainString();
        }
        return c.getText() == null ? "" : c.getText();
    }

    private static boolean isDateFormat(String f) {
        if (f == null) return false;
        String s = f.toLowerCase(Locale.ROOT);
        return s.contains("yy") || s.contains("dd") || s.contains("m/d") || s.contains("d/m");
    }

    private static Map<Column, Integer> columns(String name, List<String> header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip().replace("\uFEFF", "");
            byName.putIfAbsent(h.toUpperCase(Locale.ROOT), i);
        }
        Map<Column, Integer> at = new EnumMap<>(Column.class);
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            Integer i = byName.get(c.name());
            if (i != null) at.put(c, i);
            else if (c.required()) missing.add(c.name());
        }
        if (!missing.isEmpty())
            throw Problem.usage(
                    name + ": missing column(s) " + String.join(", ", missing),
                    "a measure file has the columns TF_ID, SYSTEM, AWARD, PERIOD_START, PERIOD_END, MEASURE_ID,"
                            + " DISAGGREGATION, VALUE");
        return at;
    }
}
