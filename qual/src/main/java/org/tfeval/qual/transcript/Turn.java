package org.tfeval.qual.transcript;

import java.time.Duration;
import java.util.Objects;
import org.tfeval.qual.text.Span;

/**
 * One speaker turn: the unit of turn-level agreement and co-occurrence.
 *
 * @param index    0-based position in the transcript
 * @param speaker  the speaker label as written (a {@code Name:} marker or a VTT voice), or "" when unknown
 * @param span     the turn's code points in the canonical text, marker included
 * @param cueStart media time the turn starts (VTT, SRT), or null
 * @param cueEnd   media time the turn ends, or null
 */
public record Turn(int index, String speaker, Span span, Duration cueStart, Duration cueEnd) {
    public Turn {
        if (index < 0) throw new IllegalArgumentException("turn index must be >= 0");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(span, "span");
        if ((cueStart == null) != (cueEnd == null)) {
            throw new IllegalArgumentException("a turn has both cue times or neither");
        }
        if (cueStart != null && cueEnd.compareTo(cueStart) < 0) {
            throw new IllegalArgumentException("turn " + index + " ends before it starts");
        }
    }
}
