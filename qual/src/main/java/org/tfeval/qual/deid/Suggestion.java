package org.tfeval.qual.deid;

import java.util.Objects;
import org.tfeval.qual.text.Span;

/**
 * A span of a transcript's original text that may identify someone.
 *
 * @param span     code points of the original canonical text
 * @param category what it is
 * @param origin   where the suggestion came from
 * @param source   which roster entry ({@code roster:ID}), pattern ({@code pattern:PHONE}) or speaker label
 *                 ({@code speaker}) found it; never the words themselves
 * @param status   its review status
 */
public record Suggestion(Span span, Category category, Origin origin, String source, Status status) {
    public Suggestion {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        if (origin == Origin.REVIEWER && status != Status.ADDED) {
            throw new IllegalArgumentException("a reviewer's own span is always 'added'");
        }
    }

    /** The same suggestion with another status. */
    public Suggestion with(Status next) {
        return new Suggestion(span, category, origin, source, next);
    }
}
