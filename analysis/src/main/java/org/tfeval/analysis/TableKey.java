package org.tfeval.analysis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a result table and its row type: how an analysis declares a table and how a report asks
 * for it ({@code result.table(OutcomeFunnel.CASE_BY_SITE)} gives a {@code ResultTable<StageRow>}).
 *
 * @param id   stable key within its analysis ({@code [a-z][a-z0-9_]*}), also the table's id in JSON
 * @param rows the record each row is
 * @param <R>  the row type
 */
public record TableKey<R extends Record>(String id, Class<R> rows) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    public TableKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rows, "rows");
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("table id '" + id + "' must match " + ID);
    }

    /** A key. */
    public static <R extends Record> TableKey<R> of(String id, Class<R> rows) {
        return new TableKey<>(id, rows);
    }
}
