package org.tfeval.stats.frame;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;

/**
 * An immutable table of equally long named columns, stored column by column. Lookups of absent
 * columns throw {@link InvalidInputException} naming every absent column.
 */
public final class DataFrame {

    private final Map<String, Column> columns;
    private final int rowCount;

    private DataFrame(Map<String, Column> columns, int rowCount) {
        this.columns = columns;
        this.rowCount = rowCount;
    }

    /** A frame of the given columns, which must have distinct names and equal lengths. */
    public static DataFrame of(Collection<? extends Column> columns) {
        Map<String, Column> map = new LinkedHashMap<>();
        int n = -1;
        for (Column c : columns) {
            if (n >= 0 && c.size() != n) {
                throw new IllegalArgumentException(
                        "column '" + c.name() + "' has " + c.size() + " rows but earlier columns have " + n);
            }
            n = c.size();
            if (map.put(c.name(), c) != null) {
                throw new IllegalArgumentException("duplicate column name '" + c.name() + "'");
            }
        }
        return new DataFrame(map, Math.max(n, 0));
    }

    /** A frame of the given columns. */
    public static DataFrame of(Column... columns) {
        return of(List.of(columns));
    }

    public int rowCount() {
        return rowCount;
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** The named column; throws {@link InvalidInputException} when absent. */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new InvalidInputException(unknownColumn(name));
        }
        return c;
    }

    /** Checks that every named column exists, reporting all that do not. */
    public void requireColumns(Collection<String> names) {
        List<InputViolation> missing = new ArrayList<>();
        for (String name : names) {
            if (!columns.containsKey(name)) {
                missing.add(unknownColumn(name));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
    }

    /** The named column, which must be numeric. */
    public NumericColumn numeric(String name) {
        Column c = column(name);
        if (c instanceof NumericColumn nc) {
            return nc;
        }
        throw new InvalidInputException(
                InputViolation.ofColumn(InputViolation.NOT_NUMERIC, name, "must be numeric but holds text"));
    }

    private InputViolation unknownColumn(String name) {
        return InputViolation.ofColumn(
                InputViolation.UNKNOWN_COLUMN,
                name,
                "no such column (columns are: " + String.join(", ", columns.keySet()) + ")");
    }

    @Override
    public String toString() {
        return "DataFrame[" + rowCount + " rows x " + columns.size() + " columns " + columns.keySet() + "]";
    }
}
