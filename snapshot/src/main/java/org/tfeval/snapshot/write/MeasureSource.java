package org.tfeval.snapshot.write;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.tfeval.snapshot.MeasureDataset;

/** Where a snapshot's performance measures come from: the store's measure tables, or values in memory. */
public interface MeasureSource {
    /** The catalogue's id. */
    String catalogueId();

    /** The catalogue version in force. */
    String catalogueVersion();

    /** The catalogue's YAML, frozen as {@value MeasureDataset#CATALOGUE_FILE}. */
    String catalogueYaml();

    /**
     * Writes the dataset's rows to {@code csv} in the {@link DatasetSource} convention (no header, comma,
     * {@code "} as quote and escape, NULL as an empty unquoted field), columns as {@link MeasureDataset#columns}.
     *
     * @return rows written
     */
    long export(MeasureDataset dataset, Path csv) throws IOException, SQLException;
}
