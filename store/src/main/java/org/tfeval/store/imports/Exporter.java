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

/** Writes a form's stored records as CSV in the import format, ordered by key, streaming. */
public final class Exporter {
    /** Rows fetched per round trip. */
    static final int FETCH_SIZE = 5000;

    private final Store store;

    public Exporter(Store store) {
        this.store = store;
    }

    /** Writes the form's records to {@code out} (atomically: a temporary file renamed at the end); returns the row count. */
    public long export(String form, Path out) {
        FormTable table = store.table(form);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
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
                            Map<String, String> cells = table.cells(table.read(rs));
                            p.printRecord(cells.values());
                            rows++;
                        }
                    }
                }
                return rows;
            });
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
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
