package org.tfeval.instrument;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one sentence that explains the reserved missing codes to a reader: codebooks, setup files and
 * reports print it, none writes its own. The words are the instrument's ({@link Instrument#missingLabel});
 * writers that have no instrument at hand use the codes' default labels.
 */
public final class MissingCodeSentence {
    private final Function<MissingCode, String> label;

    private MissingCodeSentence(Function<MissingCode, String> label) {
        this.label = label;
    }

    /** With the instrument's own words for each code. */
    public static MissingCodeSentence of(Instrument instrument) {
        return new MissingCodeSentence(instrument::missingLabel);
    }

    /** With the codes' default labels. */
    public static MissingCodeSentence defaults() {
        return new MissingCodeSentence(MissingCode::defaultLabel);
    }

    /** {@code Reserved missing codes: -9 not recorded, -8 unknown, -7 not applicable, -6 suppressed.} */
    public String sentence() {
        return "Reserved missing codes: " + list() + ".";
    }

    /** {@code -9 not recorded, -8 unknown, -7 not applicable, -6 suppressed}: each code with its label. */
    public String list() {
        return Arrays.stream(MissingCode.values())
                .map(m -> m.code() + " " + lower(label.apply(m)))
                .collect(Collectors.joining(", "));
    }

    /** The labels alone ({@code not recorded, unknown, not applicable}) of the codes data may hold (not release-only ones). */
    public String meanings() {
        return Arrays.stream(MissingCode.values())
                .filter(m -> !m.releaseOnly())
                .map(m -> lower(label.apply(m)))
                .collect(Collectors.joining(", "));
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }
}
