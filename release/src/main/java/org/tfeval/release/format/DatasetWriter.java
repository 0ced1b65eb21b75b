package org.tfeval.release.format;

import java.io.IOException;
import java.nio.file.Path;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;

/** Writes one file of a dataset. Implementations are immutable and may be reused. */
@FunctionalInterface
public interface DatasetWriter {

    /**
     * Writes the rows of {@code rows}, described by {@code spec}, to {@code target}, replacing it.
     *
     * @throws org.tfeval.release.dataset.InvalidRowException when a row does not fit the spec or the
     *     format's limits (the message names row and variable, never the value)
     * @throws IOException when the file cannot be written
     */
    WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException;
}
