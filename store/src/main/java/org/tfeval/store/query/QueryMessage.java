package org.tfeval.store.query;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in a query's thread.
 *
 * @param seq         1-based position
 * @param author      the account
 * @param at          when
 * @param body        the text
 * @param statusAfter the query's status after this message
 */
public record QueryMessage(int seq, String author, Instant at, String body, QueryStatus statusAfter) {
    /** Longest message. */
    public static final int MAX_LENGTH = 4000;

    public QueryMessage {
        if (seq < 1) throw new IllegalArgumentException("message number " + seq + " must be >= 1");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(statusAfter, "statusAfter");
    }
}
