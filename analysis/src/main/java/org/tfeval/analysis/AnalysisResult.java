package org.tfeval.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What one analysis found.
 *
 * @param analysis    the analysis' id
 * @param title       its title
 * @param method      how it was computed, in a sentence or two (for the report's methods section)
 * @param tables      the result tables
 * @param warnings    what a reader must know about the reliability of these results (few sites,
 *                    separation, small groups), generated from the data
 */
public record AnalysisResult(
        String analysis, String title, String method, List<ResultTable<?>> tables, List<String> warnings) {
    public AnalysisResult {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(method, "method");
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
        var ids = new java.util.HashSet<String>();
        for (ResultTable<?> t : tables) {
            if (!ids.add(t.id()))
                throw new IllegalArgumentException("analysis " + analysis + " has two tables " + t.id());
        }
    }

    /** A table by id, of rows of any type (for generic printing); throws when absent. */
    public ResultTable<?> table(String id) {
        return tables.stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("analysis " + analysis + " has no table " + id));
    }

    /** A table by key, with its typed rows; throws when absent or of another row type. */
    @SuppressWarnings("unchecked")
    public <R extends Record> ResultTable<R> table(TableKey<R> key) {
        ResultTable<?> t = table(key.id());
        if (t.rowType() != key.rows()) {
            throw new IllegalArgumentException("table " + key.id() + " of analysis " + analysis + " holds "
                    + t.rowType().getSimpleName() + " rows, not " + key.rows().getSimpleName());
        }
        return (ResultTable<R>) t;
    }

    /** Whether the analysis has the table. */
    public boolean has(TableKey<?> key) {
        return tables.stream().anyMatch(t -> t.id().equals(key.id()));
    }
}
