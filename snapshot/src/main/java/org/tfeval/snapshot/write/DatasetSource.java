package org.tfeval.snapshot.write;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Where the rows of a snapshot come from: the store's database, or {@link CsvStudy} without one. */
@FunctionalInterface
public interface DatasetSource {
    /**
     * Runs the dataset's {@link DatasetQuery#select()} and writes its rows to {@code csv}: no header,
     * comma-separated, {@code "} as quote and escape, NULL as an empty unquoted field.
     *
     * @return rows written
     */
    long export(DatasetQuery dataset, Path csv) throws IOException, SQLException;
}
