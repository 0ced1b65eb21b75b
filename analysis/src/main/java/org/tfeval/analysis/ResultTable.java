package org.tfeval.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.tfeval.analysis.data.Interval;
import org.tfeval.analysis.data.Share;

/**
 * A typed table of results: what reports print and what the JSON beside them holds. Values are
 * {@code String} (text), {@code Long} (counts) or {@code Double} (proportions, numbers,
 * p-values); {@code null} means not computed (for example an interval without trials).
 *
 * @param id      stable key within its analysis ({@code [a-z][a-z0-9_]*})
 * @param title   caption for reports
 * @param columns the columns
 * @param rows    the rows, each as long as {@code columns}
 * @param notes   sentences a reader needs: definitions, denominators, exclusions
 */
public record ResultTable(String id, String title, List<ResultColumn> columns, List<List<Object>> rows, List<String> notes) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    public ResultTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("table id '" + id + "' must match " + ID);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("table " + id + " needs at least one column");
        Set<String> names = new HashSet<>();
        for (ResultColumn c : columns) {
            if (!names.add(c.name())) throw new IllegalArgumentException("table " + id + ": column " + c.name() + " appears twice");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + " row " + r + " has " + row.size() + " values for " + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                if (!columns.get(c).kind().accepts(row.get(c))) {
                    throw new IllegalArgumentException("table " + id + " row " + r + " column " + columns.get(c).name() + ": "
                            + (row.get(c) == null ? "null" : row.get(c).getClass().getSimpleName()) + " does not fit " + columns.get(c).kind());
                }
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        notes = List.copyOf(notes);
    }

    /** Number of rows. */
    public int rowCount() {
        return rows.size();
    }

    /** Position of a column; throws when absent. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        throw new IllegalArgumentException("table " + id + " has no column " + name);
    }

    /** Whether the table has the column. */
    public boolean hasColumn(String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    /** The value at a row and column. */
    public Object value(int row, String column) {
        return rows.get(row).get(columnIndex(column));
    }

    /** A count cell. */
    public Long count(int row, String column) {
        return (Long) value(row, column);
    }

    /** A number, proportion or p-value cell. */
    public Double number(int row, String column) {
        return (Double) value(row, column);
    }

    /** A text cell. */
    public String text(int row, String column) {
        return (String) value(row, column);
    }

    /** The first row whose text columns equal the given values (pairs of column, value), or -1. */
    public int find(String... columnValuePairs) {
        if (columnValuePairs.length % 2 != 0) throw new IllegalArgumentException("find needs column/value pairs, got " + Arrays.toString(columnValuePairs));
        for (int r = 0; r < rows.size(); r++) {
            boolean all = true;
            for (int k = 0; k < columnValuePairs.length && all; k += 2) {
                all = Objects.equals(String.valueOf(value(r, columnValuePairs[k])), columnValuePairs[k + 1]);
            }
            if (all) return r;
        }
        return -1;
    }

    /** Like {@link #find} but throws when no row matches. */
    public int row(String... columnValuePairs) {
        int r = find(columnValuePairs);
        if (r < 0) throw new IllegalArgumentException("table " + id + " has no row " + Arrays.toString(columnValuePairs));
        return r;
    }

    /** A builder. */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Builds a table column by column, then row by row. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<ResultColumn> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder column(String name, String label, ColumnKind kind) {
            columns.add(new ResultColumn(name, label, kind));
            return this;
        }

        public Builder text(String name, String label) {
            return column(name, label, ColumnKind.TEXT);
        }

        public Builder count(String name, String label) {
            return column(name, label, ColumnKind.COUNT);
        }

        public Builder proportion(String name, String label) {
            return column(name, label, ColumnKind.PROPORTION);
        }

        public Builder number(String name, String label) {
            return column(name, label, ColumnKind.NUMBER);
        }

        public Builder pValue(String name, String label) {
            return column(name, label, ColumnKind.P_VALUE);
        }

        /** Adds a row; ints and longs become Long, floats and doubles Double, NaN and infinities null. */
        public Builder row(Object... values) {
            List<Object> row = new ArrayList<>(values.length);
            for (Object v : values) row.add(normalize(v));
            rows.add(row);
            return this;
        }

        /**
         * Adds the columns of a share: {@code n}, {@code denominator}, {@code pct}, {@code ci_low},
         * {@code ci_high}, {@code excluded} (rows left out of the denominator for missing codes).
         */
        public Builder shareColumns(String countLabel) {
            return count("n", countLabel).count("denominator", "Of").proportion("pct", "%").proportion("ci_low", "CI low")
                    .proportion("ci_high", "CI high").count("excluded", "Excluded (missing)");
        }

        /** Adds a row of keys followed by the share columns of {@link #shareColumns}. */
        public Builder shareRow(Share share, Interval ci, Object... keys) {
            Object[] row = java.util.Arrays.copyOf(keys, keys.length + 6);
            row[keys.length] = share.events();
            row[keys.length + 1] = share.trials();
            row[keys.length + 2] = share.proportion();
            row[keys.length + 3] = ci.low();
            row[keys.length + 4] = ci.high();
            row[keys.length + 5] = share.excluded().total();
            return row(row);
        }

        /** Adds a note unless blank. */
        public Builder note(String note) {
            if (note != null && !note.isBlank()) notes.add(note);
            return this;
        }

        public int rowCount() {
            return rows.size();
        }

        public ResultTable build() {
            return new ResultTable(id, title, columns, rows, notes);
        }

        private static Object normalize(Object v) {
            if (v instanceof Integer i) return i.longValue();
            if (v instanceof Short s) return s.longValue();
            if (v instanceof Float f) return normalize(f.doubleValue());
            if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? null : d;
            return v;
        }
    }
}
