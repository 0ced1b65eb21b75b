package org.tfeval.report.document;

import java.util.List;
import java.util.Objects;

/**
 * The first page of a report.
 *
 * @param title     the title
 * @param subtitle  the line under it
 * @param synthetic whether the data are synthetic: the page then says SYNTHETIC DATA in big letters
 * @param lines     further lines (snapshot, version, warnings)
 */
public record TitlePage(String title, String subtitle, boolean synthetic, List<String> lines) {
    /** The banner of a report on synthetic data. */
    public static final String SYNTHETIC_BANNER = "SYNTHETIC DATA";

    public TitlePage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        lines = List.copyOf(lines);
    }
}
