package org.tfeval.release.format;

import org.tfeval.instrument.MissingCodeSentence;

/** The reserved missing codes that released files may hold, and the one sentence explaining them ({@link MissingCodeSentence}). */
final class ReservedCodes {
    private ReservedCodes() {}

    /** {@code Reserved missing codes: -9 not recorded, ...}. */
    static String sentence() {
        return MissingCodeSentence.defaults().sentence();
    }

    /** {@code -9 not recorded, -8 unknown, ...}. */
    static String list() {
        return MissingCodeSentence.defaults().list();
    }
}
