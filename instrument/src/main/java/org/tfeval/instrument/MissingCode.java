package org.tfeval.instrument;

import java.util.Objects;

/**
 * A reserved missing code, never valid data.
 *
 * @param code        the integer code, negative
 * @param name        a stable name ({@code not_recorded})
 * @param label       words for coders and codebooks
 * @param releaseOnly set only by the release step (suppression), never accepted on import
 */
public record MissingCode(int code, String name, String label, boolean releaseOnly) {
    public MissingCode {
        if (code >= 0) {
            throw new IllegalArgumentException("missing code " + code + " must be negative");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }
}
