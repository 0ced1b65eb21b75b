package org.tfeval.report.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tfeval.instrument.workflow.Problem;

/** The paper a document's PDF is laid out on: US Letter (the default of a U.S. funder's report) or A4. */
public enum Paper {
    /** US Letter, 8.5 by 11 inches. */
    LETTER("letter", "8.5in 11in", 612, 792),
    /** ISO A4, 210 by 297 mm. */
    A4("a4", "210mm 297mm", 595.275, 841.875);

    /** The paper when none is asked for. */
    public static final Paper DEFAULT = LETTER;

    private final String option;
    private final String cssSize;
    private final double widthPoints;
    private final double heightPoints;

    Paper(String option, String cssSize, double widthPoints, double heightPoints) {
        this.option = option;
        this.cssSize = cssSize;
        this.widthPoints = widthPoints;
        this.heightPoints = heightPoints;
    }

    /** The word that selects this paper on the command line ({@code letter}, {@code a4}). */
    public String option() {
        return option;
    }

    /** The CSS {@code @page size} value. */
    public String cssSize() {
        return cssSize;
    }

    /** Page width in PDF points (1/72 inch), as a PDF viewer reports it. */
    public double widthPoints() {
        return widthPoints;
    }

    /** Page height in PDF points. */
    public double heightPoints() {
        return heightPoints;
    }

    /** The paper an option word names, case-insensitively; a usage problem for any other word. */
    public static Paper parse(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        for (Paper p : values()) {
            if (p.option.equals(w)) return p;
        }
        throw Problem.usage(
                "unknown paper size '" + word + "'",
                "use one of " + Arrays.stream(values()).map(Paper::option).collect(Collectors.joining(", ")));
    }
}
