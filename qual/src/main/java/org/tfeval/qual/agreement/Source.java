package org.tfeval.qual.agreement;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tfeval.qual.text.Span;

/**
 * A transcript in a reliability round.
 *
 * @param id     the transcript
 * @param length its canonical text's length in code points
 * @param turns  its speaker turns (the units of turn-level alpha, the clusters of the bootstrap)
 * @param coders the coders who coded it (blind); a coder not listed is missing, not "coded nothing"
 */
public record Source(String id, int length, List<Span> turns, Set<String> coders) {
    public Source {
        Objects.requireNonNull(id, "id");
        if (length <= 0) throw new IllegalArgumentException("source " + id + " is empty");
        turns = List.copyOf(turns);
        coders = Set.copyOf(coders);
        if (turns.isEmpty()) turns = List.of(new Span(0, length));
        for (Span t : turns) {
            if (t.end() > length) throw new IllegalArgumentException("a turn of " + id + " leaves the text");
        }
    }
}
