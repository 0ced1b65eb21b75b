package org.tfeval.store.imports;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Rows of a CSV or XLSX file, streamed: a header, then data rows with their 1-based row numbers. */
interface TabularSource extends Closeable {

    /** The header cells, or null when the file is empty. */
    List<String> header();

    /** The next data row, or null at the end. */
    Row next();

    /** Bytes read so far and in all, for progress; -1 when unknown. */
    long position();

    long size();

    /** A data row. */
    record Row(long number, List<String> cells) {}

    /** Opens a file by its extension. */
    static TabularSource open(Path file) throws java.io.IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) return new XlsxSource(file);
        if (name.endsWith(".csv") || name.endsWith(".txt")) return new CsvSource(file);
        throw new ImportException(file.getFileName() + ": unsupported file type; use .csv (UTF-8) or .xlsx");
    }
}
