package org.tfeval.stats.frame;

/** One named column of a {@link DataFrame}. */
public sealed interface Column permits NumericColumn, StringColumn {

    /** Column name as in the CSV header. */
    String name();

    /** Number of rows. */
    int size();

    /** True when the cell at {@code row} (0-based) is missing. */
    boolean isMissing(int row);

    /** Number of missing cells. */
    default int missingCount() {
        int k = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                k++;
            }
        }
        return k;
    }
}
