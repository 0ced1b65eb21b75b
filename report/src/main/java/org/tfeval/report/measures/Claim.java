package org.tfeval.report.measures;

import java.util.List;
import java.util.Objects;

/**
 * A generated sentence with figures, and the table it cites: every figure it states names the column of that
 * table it comes from and how (a sum, the number of rows, the lowest or highest entry), so a reader, and a test,
 * can recompute it from the printed table.
 *
 * @param sentence the sentence as printed
 * @param table    the number of the table it cites ("(Table n)" in the sentence)
 * @param figures  every figure the sentence states
 */
public record Claim(String sentence, int table, List<Figure> figures) {
    public Claim {
        Objects.requireNonNull(sentence, "sentence");
        if (table < 1) throw new IllegalArgumentException("a claim cites a numbered table");
        if (!sentence.contains("(Table " + table + ")"))
            throw new IllegalArgumentException("a claim's sentence says which table it cites");
        figures = List.copyOf(figures);
        for (Figure f : figures)
            if (!sentence.contains(f.text()))
                throw new IllegalArgumentException("the sentence does not state its figure " + f.text());
    }

    /**
     * A figure of a sentence.
     *
     * @param text      as printed
     * @param column    the cited table's column header it is computed from
     * @param aggregate how
     */
    public record Figure(String text, String column, Aggregate aggregate) {
        public Figure {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(aggregate, "aggregate");
        }
    }

    /** How a figure comes from a column. */
    public enum Aggregate {
        /** The sum of the column's numbers. */
        SUM,
        /** The number of rows. */
        ROWS,
        /** The first entry in text order (fiscal quarters as FY2019 Q1 sort so). */
        LOWEST,
        /** The last entry in text order. */
        HIGHEST
    }
}
