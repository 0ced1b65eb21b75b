package org.tfeval.release.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tfeval.instrument.MissingCodeSentence;
import org.tfeval.release.dataset.MissingCode;

/** The reserved missing codes that released files may hold, and the one sentence explaining them ({@link MissingCodeSentence}). */
final class ReservedCodes {
    /** Every reserved code of a release, -6 (suppressed) included. */
    static final List<org.tfeval.instrument.MissingCode> ALL = Arrays.stream(MissingCode.values())
            .map(m -> new org.tfeval.instrument.MissingCode((int) m.code(), m.name().toLowerCase(Locale.ROOT), m.defaultLabel(),
                    m == MissingCode.SUPPRESSED))
            .toList();

    private ReservedCodes() {
    }

    /** {@code Reserved missing codes: -9 not recorded, ...}. */
    static String sentence() {
        return MissingCodeSentence.of(ALL);
    }

    /** {@code -9 not recorded, -8 unknown, ...}. */
    static String list() {
        return MissingCodeSentence.list(ALL);
    }
}
