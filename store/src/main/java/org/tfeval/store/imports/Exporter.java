package org.tfeval.store.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.store.Store;
import org.tfeval.store.schema.FormTable;

/**
 * Writes a form's stored records as CSV in the import format, ordered by key, streaming. Text cells
 * that a spreadsheet would run as a formula are prefixed with a single quote (CSV injection); the
 * importer removes that quote again, so export and re-import round-trip.
 */
public final class Exporter {
    /** Rows fetched per round trip. */
    static final int FETCH_SIZE = 5000;

    private final Store store;

    public Exporter(Store store) {
        this.store = store;
    }

    /** Writes the form's records to {@code out} (atomically: a temporary file renamed at the end); returns the row count. */
    public long export(String form, Path out) {
        return write(form, out).rows();
    }

    /**
     * What an export wrote: its rows, and how many text cells were prefixed with {@code '} so that
     * a spreadsheet does not run them as formulas ({@link #neutralised}).
     */
    public record Written(long rows, long neutralised) {}

    /** Characters that make a spreadsheet read a cell as a formula (or its start). */
    static final String FORMULA_START = "=+-@\t\r";

    /**
     * A text cell a spreadsheet would run as a formula ({@code =HYPERLINK(...)}, {@code +}, {@code -},
     * {@code @}, TAB, CR), prefixed with a single quote; a cell that already starts with a quote before
     * such a character gets one more, so that {@link #unneutralised} gives back exactly the value.
     * Only text values are passed here: numbers and missing codes such as {@code -9} stay numbers.
     */
    public static String neutralised(String cell) {
        return needsQuote(cell) ? "'" + cell : cell;
    }

    /** The value of a cell written by {@link #neutralised}: one leading quote before a formula start is removed. */
    public static String unneutralised(String cell) {
        return cell.length() >= 2 && cell.charAt(0) == '\'' && needsQuote(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsQuote(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') i++;
        return i < cell.length() && FORMULA_START.indexOf(cell.charAt(i)) >= 0;
    }

    /** Writes the form's records as {@link #export} does, counting the cells it neutralised. */
    public Written write(String form, Path out) {
        FormTable table = store.table(form);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            long[] neutral = new long[1];
            OwnerOnlyFiles.emptyFile(tmp);
            long n = store.tx(c -> {
                long rows = 0;
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                        CSVPrinter p = new CSVPrinter(
                                w,
                                CSVFormat.RFC4180
                                        .builder()
                                        .setRecordSeparator("\n")
                                        .get());
                        Statement st = c.createStatement()) {
                    st.setFetchSize(FETCH_SIZE);
                    p.printRecord(table.form().variables().stream()
                            .map(Variable::name)
                            .toList());
                    try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", table.columns()) + " FROM "
                            + table.table() + " ORDER BY " + String.join(", ", table.keyColumns()))) {
                        while (rs.next()) {
                            Map<String, Object> values = table.read(rs);
                            Map<String, String> cells = table.cells(values);
                            for (Variable v : table.form().variables()) {
                                if (!(values.get(v.name()) instanceof String))
                                    continue; // numbers, dates, missing codes
                                String cell = cells.get(v.name());
                                String safe = neutralised(cell);
                                if (!safe.equals(cell)) {
                                    cells.put(v.name(), safe);
                                    neutral[0]++;
                                }
                            }
                            p.printRecord(cells.values());
                            rows++;
                        }
                    }
                }
                return rows;
            });
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(n, neutral[0]);
        } catch (IOException | UncheckedIOException e) {
            deletePartial(tmp); // a full disk leaves no half-written export behind
            if (e instanceof UncheckedIOException) throw (UncheckedIOException) e;
            throw new UncheckedIOException("cannot write " + out, (IOException) e);
        } catch (SQLException e) {
            deletePartial(tmp);
            throw new IllegalStateException("cannot read the " + form + " records (" + e.getSQLState() + ")", e);
        }
    }

    private static void deletePartial(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the failure being reported matters more
        }
    }
}
