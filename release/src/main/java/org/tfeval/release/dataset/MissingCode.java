package org.tfeval.release.dataset;

import java.util.Optional;

/**
 * The reserved missing-value codes of the tfeval instrument. They are never valid data. Each code
 * has one fixed letter for Stata extended missing ({@code .a}...) and SAS special missing
 * ({@code .A}...), the same for every variable, so {@code .b} always means "unknown".
 *
 * <table>
 *   <caption>Mappings</caption>
 *   <tr><th>Code</th><th>Meaning</th><th>Stata</th><th>SAS</th><th>SPSS</th></tr>
 *   <tr><td>-9</td><td>Not recorded</td><td>.a</td><td>.A</td><td rowspan="4">user-missing</td></tr>
 *   <tr><td>-8</td><td>Unknown</td><td>.b</td><td>.B</td></tr>
 *   <tr><td>-7</td><td>Not applicable</td><td>.c</td><td>.C</td></tr>
 *   <tr><td>-6</td><td>Suppressed</td><td>.d</td><td>.D</td></tr>
 * </table>
 */
public enum MissingCode {
    NOT_RECORDED(-9, "Not recorded", 'a'),
    UNKNOWN(-8, "Unknown", 'b'),
    NOT_APPLICABLE(-7, "Not applicable", 'c'),
    SUPPRESSED(-6, "Suppressed", 'd');

    private final long code;
    private final String defaultLabel;
    private final char letter;

    MissingCode(long code, String defaultLabel, char letter) {
        this.code = code;
        this.defaultLabel = defaultLabel;
        this.letter = letter;
    }

    /** The numeric code as stored in CSV, SPSS and Parquet files, e.g. {@code -9}. */
    public long code() {
        return code;
    }

    public String defaultLabel() {
        return defaultLabel;
    }

    /** Lower-case letter of the Stata extended missing value: {@code 'a'} for {@code .a}. */
    public char stataLetter() {
        return letter;
    }

    /** Upper-case letter of the SAS special missing value: {@code 'A'} for {@code .A}. */
    public char sasLetter() {
        return Character.toUpperCase(letter);
    }

    /** Zero-based position of the letter in the alphabet: 0 for {@code .a}. */
    public int letterIndex() {
        return letter - 'a';
    }

    public static Optional<MissingCode> ofCode(long code) {
        for (MissingCode m : values()) {
            if (m.code == code) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
