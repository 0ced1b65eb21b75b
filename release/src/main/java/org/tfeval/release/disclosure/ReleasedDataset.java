package org.tfeval.release.disclosure;

import java.util.Objects;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;

/**
 * A dataset of the release, ready for the file writers.
 *
 * @param form the form it comes from
 * @param spec names, labels, value labels and missing codes
 * @param rows the released rows, ordered by the pseudonymous key
 * @param rowCount number of rows
 */
public record ReleasedDataset(String form, DatasetSpec spec, RowSource rows, long rowCount) {
    public ReleasedDataset {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(rows, "rows");
    }
}
