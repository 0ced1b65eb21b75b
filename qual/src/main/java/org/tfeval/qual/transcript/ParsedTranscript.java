package org.tfeval.qual.transcript;

import java.util.List;
import java.util.Objects;
import org.tfeval.qual.text.CanonicalText;

/**
 * A transcript file read into canonical text and speaker turns.
 *
 * @param text       the canonical text
 * @param turns      speaker turns in order, non-overlapping, inside the text
 * @param format     the file's format
 * @param fileSha256 SHA-256 of the file's bytes as received (provenance; the text has its own hash)
 */
public record ParsedTranscript(CanonicalText text, List<Turn> turns, TranscriptFormat format, String fileSha256) {
    public ParsedTranscript {
        Objects.requireNonNull(text, "text");
        turns = List.copyOf(turns);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fileSha256, "fileSha256");
        int last = 0;
        for (Turn t : turns) {
            if (t.span().start() < last || t.span().end() > text.length()) {
                throw new IllegalArgumentException(
                        "turn " + t.index() + " overlaps the previous one or leaves the text");
            }
            last = t.span().end();
        }
    }

    /** Distinct speaker labels in order of first appearance. */
    public List<String> speakers() {
        return turns.stream()
                .map(Turn::speaker)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
