package org.tfeval.instrument;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one sentence that explains the reserved missing codes to a reader, written from the
 * instrument's missing codes: codebooks, setup files and reports print it, none writes its own.
 */
public final class MissingCodeSentence {
    private MissingCodeSentence() {
    }

    /** {@code Reserved missing codes: -9 not recorded, -8 unknown, -7 not applicable, -6 suppressed.} */
    public static String of(List<MissingCode> codes) {
        return "Reserved missing codes: " + list(codes) + ".";
    }

    /** {@code -9 not recorded, -8 unknown, -7 not applicable, -6 suppressed}: each code with its label. */
    public static String list(List<MissingCode> codes) {
        return codes.stream().map(m -> m.code() + " " + lower(m.label())).collect(Collectors.joining(", "));
    }

    /** The labels alone ({@code not recorded, unknown, not applicable}) of the codes data may hold (not release-only ones). */
    public static String meanings(List<MissingCode> codes) {
        return codes.stream().filter(m -> !m.releaseOnly()).map(m -> lower(m.label())).collect(Collectors.joining(", "));
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }
}
