package org.tfeval.analysis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column of a result table.
 *
 * @param name  stable key in JSON ({@code [a-z][a-z0-9_]*})
 * @param label header for reports
 * @param kind  what the column holds
 */
public record ResultColumn(String name, String label, ColumnKind kind) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (!NAME.matcher(name).matches())
            throw new IllegalArgumentException("column name '" + name + "' must match " + NAME);
    }
}
