package org.tfeval.report.document;

/**
 * Which edition of a cross-site document is written: the RESTRICTED one names task forces and
 * prints every count (for the study team and the funder under agreement); the PUBLIC one shows
 * task forces only under anonymous labels ({@link SiteNames}), leaves out what identifies them and
 * withholds small counts as the task-force reports do.
 */
public enum Edition {
    RESTRICTED("-restricted", "RESTRICTED: names task forces and prints their small counts; not for publication"),
    PUBLIC("", "Public edition: task forces anonymized, their small counts withheld");

    private final String fileSuffix;
    private final String marking;

    Edition(String fileSuffix, String marking) {
        this.fileSuffix = fileSuffix;
        this.marking = marking;
    }

    /** The file name (without extension) of a document of this edition, e.g. {@code technical-report-restricted}. */
    public String fileName(String base) {
        return base + fileSuffix;
    }

    /** The line on the title page and the start of every page's footer. */
    public String marking() {
        return marking;
    }

    /** The footer of every page: the marking, then the rest. */
    public String footer(String rest) {
        return (this == RESTRICTED ? "RESTRICTED \u00B7 " : "Public edition \u00B7 ") + rest;
    }

    /** Whether the edition prints task-force IDs and their per-site tables. */
    public boolean namesSites() {
        return this == RESTRICTED;
    }
}
