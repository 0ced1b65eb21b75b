package org.tfeval.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A typed table of results: what reports print and what the JSON beside them holds. Each row is a
 * record ({@code R}) that reports read by field; the columns say how the record's values (in
 * component order, a nested record such as {@link ShareCells} flattened) are named in JSON, labelled
 * in reports and what kind of value they hold, and the table checks that they fit. A {@code null}
 * value means not computed (for example an interval without trials).
 *
 * @param id      stable key within its analysis ({@code [a-z][a-z0-9_]*})
 * @param title   caption for reports
 * @param rowType the row record
 * @param columns the columns, one per (flattened) record value
 * @param rows    the rows
 * @param notes   sentences a reader needs: definitions, denominators, exclusions
 * @param <R>     the row type
 */
public record ResultTable<R extends Record>(
        String id, String title, Class<R> rowType, List<ResultColumn> columns, List<R> rows, List<String> notes) {
    public ResultTable {
        Objects.requireNonNull(title, "title");
        TableKey.of(id, rowType);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("table " + id + " needs at least one column");
        Set<String> names = new HashSet<>();
        for (ResultColumn c : columns) {
            if (!names.add(c.name()))
                throw new IllegalArgumentException("table " + id + ": column " + c.name() + " appears twice");
        }
        RowSchema<R> schema = new RowSchema<>(rowType, columns, id);
        List<R> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> values = schema.values(Objects.requireNonNull(rows.get(r), "row"));
            for (int c = 0; c < values.size(); c++) {
                if (!columns.get(c).kind().accepts(values.get(c))) {
                    throw new IllegalArgumentException("table " + id + " row " + r + " column "
                            + columns.get(c).name() + ": "
                            + values.get(c).getClass().getSimpleName() + " does not fit "
                            + columns.get(c).kind());
                }
            }
            copy.add(schema.create(values));
        }
        rows = List.copyOf(copy);
        notes = List.copyOf(notes);
    }

    /** The key of this table. */
    public TableKey<R> key() {
        return TableKey.of(id, rowType);
    }

    /** Number of rows. */
    public int rowCount() {
        return rows.size();
    }

    /** A row by position. */
    public R row(int index) {
        return rows.get(index);
    }

    /** The first row that {@code test} accepts. */
    public Optional<R> first(Predicate<R> test) {
        return rows.stream().filter(test).findFirst();
    }

    /** Position of the first row that {@code test} accepts, or -1. */
    public int indexOf(Predicate<R> test) {
        for (int i = 0; i < rows.size(); i++) {
            if (test.test(rows.get(i))) return i;
        }
        return -1;
    }

    /** Position of a row of this table (by equality); throws when absent. */
    public int indexOf(R row) {
        int i = rows.indexOf(row);
        if (i < 0) throw new IllegalArgumentException("table " + id + " has no such row");
        return i;
    }

    /** Position of a column; throws when absent. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        throw new IllegalArgumentException("table " + id + " has no column " + name);
    }

    /** The column named {@code name}; throws when absent. */
    public ResultColumn column(String name) {
        return columns.get(columnIndex(name));
    }

    /** Whether the table has the column. */
    public boolean hasColumn(String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    /** The flat values of a row, in column order (what the JSON holds). */
    public List<Object> values(int row) {
        return new RowSchema<>(rowType, columns, id).values(rows.get(row));
    }

    /**
     * The value of a row in a named column: for generic printing and for the trace of a printed
     * number, which names its column. Code that reads a result reads the row's fields.
     */
    public Object value(int row, String column) {
        return values(row).get(columnIndex(column));
    }

    /** A builder of the table {@code key}. */
    public static <R extends Record> Builder<R> builder(TableKey<R> key, String title) {
        return new Builder<>(key, title);
    }

    /** A table from flat rows (as read from JSON). */
    static <R extends Record> ResultTable<R> fromValues(
            TableKey<R> key, String title, List<ResultColumn> columns, List<List<Object>> values, List<String> notes) {
        RowSchema<R> schema = new RowSchema<>(key.rows(), columns, key.id());
        return new ResultTable<>(
                key.id(),
                title,
                key.rows(),
                columns,
                values.stream().map(schema::create).toList(),
                notes);
    }

    /** Builds a table column by column, then row by row. */
    public static final class Builder<R extends Record> {
        private final TableKey<R> key;
        private final String title;
        private final List<ResultColumn> columns = new ArrayList<>();
        private final List<R> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(TableKey<R> key, String title) {
            this.key = Objects.requireNonNull(key, "key");
            this.title = title;
        }

        public Builder<R> column(String name, String label, ColumnKind kind) {
            columns.add(new ResultColumn(name, label, kind));
            return this;
        }

        public Builder<R> text(String name, String label) {
            return column(name, label, ColumnKind.TEXT);
        }

        public Builder<R> count(String name, String label) {
            return column(name, label, ColumnKind.COUNT);
        }

        public Builder<R> proportion(String name, String label) {
            return column(name, label, ColumnKind.PROPORTION);
        }

        public Builder<R> number(String name, String label) {
            return column(name, label, ColumnKind.NUMBER);
        }

        public Builder<R> pValue(String name, String label) {
            return column(name, label, ColumnKind.P_VALUE);
        }

        /**
         * Adds the columns of a {@link ShareCells}: {@code n}, {@code denominator}, {@code pct},
         * {@code ci_low}, {@code ci_high}, {@code excluded} (rows left out of the denominator for
         * missing codes).
         */
        public Builder<R> shareColumns(String countLabel) {
            return count("n", countLabel)
                    .count("denominator", "Of")
                    .proportion("pct", "%")
                    .proportion("ci_low", "CI low")
                    .proportion("ci_high", "CI high")
                    .count("excluded", "Excluded (missing)")
                    .proportion("unweighted_pct", "% (unweighted)")
                    .proportion("wilson_low", "Wilson low (unweighted)")
                    .proportion("wilson_high", "Wilson high (unweighted)");
        }

        /** Adds a row. */
        public Builder<R> add(R row) {
            rows.add(Objects.requireNonNull(row, "row"));
            return this;
        }

        /** Adds a note unless blank. */
        public Builder<R> note(String note) {
            if (note != null && !note.isBlank()) notes.add(note);
            return this;
        }

        public int rowCount() {
            return rows.size();
        }

        public ResultTable<R> build() {
            return new ResultTable<>(key.id(), title, key.rows(), columns, rows, notes);
        }
    }
}
