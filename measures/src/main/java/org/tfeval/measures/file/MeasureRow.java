package org.tfeval.measures.file;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of a measure file as written, before validation.
 *
 * @param file  the file name
 * @param row   the 1-based data row (the header is row 0)
 * @param cells the cell of each column (blank when absent)
 */
public record MeasureRow(String file, long row, Map<Column, String> cells) {
    public MeasureRow {
        Objects.requireNonNull(file, "file");
        if (row < 1) throw new IllegalArgumentException("data rows are numbered from 1");
        EnumMap<Column, String> m = new EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            String v = cells.get(c);
            m.put(c, v == null ? "" : v.strip());
        }
        cells = java.util.Collections.unmodifiableMap(m);
    }

    public String get(Column c) {
        return cells.get(c);
    }
}
