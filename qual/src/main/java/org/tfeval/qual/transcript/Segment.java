package org.tfeval.qual.transcript;

import java.util.Objects;
import org.tfeval.qual.text.Span;

/**
 * A coded stretch of a transcript as the remap sees it.
 *
 * @param id       the segment's identifier (stable across versions)
 * @param span     where it lies in the transcript version it was coded on
 * @param textHash SHA-256 of the span's text on that version
 */
public record Segment(String id, Span span, String textHash) {
    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(textHash, "textHash");
    }
}
