package org.tfeval.release.format;

import java.util.OptionalInt;

/** How codebooks print a frequency under the {@link WriteOptions#suppressBelow()} threshold. */
final class Suppression {
    private final OptionalInt threshold;

    Suppression(OptionalInt threshold) {
        this.threshold = threshold;
    }

    /** Counts from 1 to k - 1 are hidden; 0 and counts of k or more are shown. */
    boolean hides(long count) {
        return threshold.isPresent() && count > 0 && count < threshold.getAsInt();
    }

    /** The count, or "&lt;k" when hidden. */
    String text(long count) {
        return hides(count) ? "<" + threshold.getAsInt() : Long.toString(count);
    }
}
