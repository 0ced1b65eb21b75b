package org.tfeval.instrument;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reserved missing codes tfeval supports. They are never valid data. The instrument YAML's
 * {@code missing_codes} section declares each of them once, with the words users see ({@link
 * Instrument#missingLabel}); {@link InstrumentLoader} refuses a file whose section disagrees with
 * this enum. Each code has one fixed letter for Stata extended missing ({@code .a}...) and SAS special
 * missing ({@code .A}...), the same for every variable, so {@code .b} always means "unknown"; SPSS
 * declares them user-missing (the range {@link #lowest()} through {@link #highest()}).
 *
 * <table>
 *   <caption>Mappings</caption>
 *   <tr><th>Code</th><th>YAML name</th><th>Stata</th><th>SAS</th><th>SPSS</th></tr>
 *   <tr><td>-9</td><td>not_recorded</td><td>.a</td><td>.A</td><td rowspan="4">user-missing</td></tr>
 *   <tr><td>-8</td><td>unknown</td><td>.b</td><td>.B</td></tr>
 *   <tr><td>-7</td><td>not_applicable</td><td>.c</td><td>.C</td></tr>
 *   <tr><td>-6</td><td>suppressed</td><td>.d</td><td>.D</td></tr>
 * </table>
 */
public enum MissingCode {
    /** The file does not record the value. */
    NOT_RECORDED(-9, "not_recorded", "Not recorded", 'a', false),
    /** The file says the value is unknown. */
    UNKNOWN(-8, "unknown", "Unknown", 'b', false),
    /** Skip logic says the variable does not apply: a definite absence, not a gap. */
    NOT_APPLICABLE(-7, "not_applicable", "Not applicable", 'c', false),
    /** Set by the release step for confidentiality; never accepted on import. */
    SUPPRESSED(-6, "suppressed", "Suppressed", 'd', true);

    private final int code;
    private final String key;
    private final String defaultLabel;
    private final char letter;
    private final boolean releaseOnly;

    MissingCode(int code, String key, String defaultLabel, char letter, boolean releaseOnly) {
        this.code = code;
        this.key = key;
        this.defaultLabel = defaultLabel;
        this.letter = letter;
        this.releaseOnly = releaseOnly;
    }

    /** The numeric code as stored in the database, CSV, SPSS and Parquet files, e.g. {@code -9}. */
    public int code() {
        return code;
    }

    /** The stable name in the instrument YAML ({@code not_recorded}). */
    public String key() {
        return key;
    }

    /**
     * Short words for places without an instrument at hand (tests, codebooks of hand-built
     * datasets). Words shown to users come from the YAML: {@link Instrument#missingLabel}.
     */
    public String defaultLabel() {
        return defaultLabel;
    }

    /** Set only by the release step (suppression), never accepted on import or in the web form. */
    public boolean releaseOnly() {
        return releaseOnly;
    }

    /** Whether the code says the value definitely does not exist (skip logic), unlike a gap in the file. */
    public boolean isDefiniteAbsence() {
        return this == NOT_APPLICABLE;
    }

    /**
     * Whether a variable that lists no missing codes of its own accepts this one: the codes a coder
     * may enter for a gap. Not applicable is added only where skip logic applies; suppressed never.
     */
    public boolean acceptedByDefault() {
        return !releaseOnly && !isDefiniteAbsence();
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

    /** The reserved code with this number, if it is one. */
    public static Optional<MissingCode> ofCode(long code) {
        for (MissingCode m : values()) {
            if (m.code == code) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The reserved code with this YAML name, if it is one. */
    public static Optional<MissingCode> ofKey(String key) {
        for (MissingCode m : values()) {
            if (m.key.equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether a number is one of the reserved codes. */
    public static boolean isReserved(long code) {
        return ofCode(code).isPresent();
    }

    /** The lowest reserved code (-9): with {@link #highest()}, the SPSS user-missing range. */
    public static int lowest() {
        return Arrays.stream(values()).mapToInt(MissingCode::code).min().orElseThrow();
    }

    /** The highest reserved code (-6). */
    public static int highest() {
        return Arrays.stream(values()).mapToInt(MissingCode::code).max().orElseThrow();
    }

    /** The codes as an SQL list body, lowest first: {@code -9, -8, -7, -6}. */
    public static String sqlList() {
        return Arrays.stream(values()).map(m -> Integer.toString(m.code)).collect(Collectors.joining(", "));
    }
}
