package org.tfeval.release.format;

/** Checks for writers that read a {@link org.tfeval.release.dataset.RowSource} twice. */
final class Passes {
    private Passes() {}

    static void requireSame(long firstPass, long secondPass) {
        if (firstPass != secondPass) {
            throw new IllegalStateException("the row source gave " + firstPass + " rows on the first pass and "
                    + secondPass + " on the second; a RowSource must repeat the same rows on every open()");
        }
    }
}
