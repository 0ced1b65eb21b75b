package org.tfeval.report.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table as a report prints it.
 *
 * @param caption caption (the document numbers it)
 * @param source  the result file and table it comes from, e.g. {@code funnel.json, table case_by_type}, or null
 * @param headers column headers
 * @param rows    cells, each row as long as the headers
 * @param notes   notes printed under the table
 */
public record TableView(
        String caption, String source, List<String> headers, List<List<Cell>> rows, List<String> notes) {
    public TableView {
        Objects.requireNonNull(caption, "caption");
        headers = List.copyOf(headers);
        List<List<Cell>> copy = new ArrayList<>();
        for (List<Cell> r : rows) {
            if (r.size() != headers.size())
                throw new IllegalArgumentException(
                        "table '" + caption + "': a row has " + r.size() + " cells for " + headers.size() + " headers");
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
        notes = List.copyOf(notes);
    }

    /** A builder. */
    public static Builder builder(String caption) {
        return new Builder(caption);
    }

    /** Builds a view row by row. */
    public static final class Builder {
        private final String caption;
        private String source;
        private final List<String> headers = new ArrayList<>();
        private final List<List<Cell>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String caption) {
            this.caption = caption;
        }

        /** Names the source: a result file and table. */
        public Builder source(String analysis, String table) {
            this.source = analysis + ".json, table " + table;
            return this;
        }

        public Builder headers(String... h) {
            headers.addAll(List.of(h));
            return this;
        }

        public Builder row(List<Cell> cells) {
            rows.add(cells);
            return this;
        }

        public Builder row(Cell... cells) {
            return row(List.of(cells));
        }

        public Builder note(String n) {
            if (n != null && !n.isBlank()) notes.add(n);
            return this;
        }

        public Builder notes(List<String> n) {
            n.forEach(this::note);
            return this;
        }

        public TableView build() {
            return new TableView(caption, source, headers, rows, notes);
        }
    }
}
