package org.tfeval.report.document;

import java.util.Objects;

/**
 * One printed table cell.
 *
 * @param text       what is printed
 * @param trace      where the value comes from, {@code analysis/table/row/column} (two columns joined by
 *                   {@code +} for an interval), or null for labels
 * @param suppressed whether the value was withheld for disclosure control
 */
public record Cell(String text, String trace, boolean suppressed) {
    /** Printed in place of a suppressed value. */
    public static final String SUPPRESSED = "(S)";

    public Cell {
        Objects.requireNonNull(text, "text");
        if (suppressed && !text.equals(SUPPRESSED))
            throw new IllegalArgumentException("a suppressed cell must print " + SUPPRESSED);
    }

    /** A label. */
    public static Cell text(String text) {
        return new Cell(text == null ? Format.NONE : text, null, false);
    }

    /** A withheld value. */
    public static Cell withheld() {
        return new Cell(SUPPRESSED, null, true);
    }
}
