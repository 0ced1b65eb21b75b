package org.tfeval.release.dataset;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.tfeval.instrument.MissingCode;

/**
 * The rows of a dataset, which can be read more than once: each {@link #open()} starts a new pass
 * from the first row. Writers that need the row count or string widths before the data (Stata,
 * SPSS, SAS transport) read twice, so rows are never all held in memory.
 *
 * <p>A row is an {@code Object[]} with one cell per variable, in variable order: {@link Long} or
 * {@link Double} for numbers, {@link String}, {@link java.time.LocalDate}, a {@link MissingCode}
 * (or the number of a declared missing code), or {@code null} for system missing.
 */
@FunctionalInterface
public interface RowSource {

    RowCursor open() throws IOException;

    /** Rows held in a list, for tests and small tables. */
    static RowSource of(List<Object[]> rows) {
        List<Object[]> copy = List.copyOf(rows);
        return () -> RowCursor.of(copy.iterator());
    }

    /** Rows produced anew by the supplier for each pass, e.g. a generator. */
    static RowSource fromIterators(Supplier<? extends Iterator<Object[]>> passes) {
        return () -> RowCursor.of(passes.get());
    }
}
