package org.tfeval.qual.transcript;

import java.util.EnumSet;
import java.util.Set;
import org.tfeval.instrument.workflow.Problem;

/**
 * Where a transcript stands before anyone may code it. The protection work (de-identification review,
 * consent) drives the first two steps; coding needs {@link #CODABLE}; a codable transcript's text is
 * frozen (a correction is a new version, starting again at {@link #IMPORTED}).
 */
public enum TranscriptState {
    /** As read from the file: may name people and places; only the de-identification reviewer reads it. */
    IMPORTED {
        @Override
        Set<TranscriptState> next() {
            return EnumSet.of(DEIDENTIFIED);
        }
    },
    /** Identifiers replaced by tokens; awaiting a second person's review. */
    DEIDENTIFIED {
        @Override
        Set<TranscriptState> next() {
            return EnumSet.of(REVIEWED, IMPORTED);
        }
    },
    /** Reviewed: the residual scan found nothing unreviewed. */
    REVIEWED {
        @Override
        Set<TranscriptState> next() {
            return EnumSet.of(CODABLE, DEIDENTIFIED);
        }
    },
    /** Released for coding; the text can no longer change. */
    CODABLE {
        @Override
        Set<TranscriptState> next() {
            return EnumSet.noneOf(TranscriptState.class);
        }
    };

    abstract Set<TranscriptState> next();

    /** Whether a coder may apply codes. */
    public boolean codable() {
        return this == CODABLE;
    }

    /** Whether the text may still be replaced in place (never once it is codable). */
    public boolean textEditable() {
        return this != CODABLE;
    }

    /** The state after a move to {@code target}; refuses a move the workflow does not allow. */
    public TranscriptState moveTo(TranscriptState target) {
        if (!next().contains(target)) {
            throw Problem.refused(
                    "a transcript cannot go from " + label() + " to " + target.label(),
                    this == CODABLE
                            ? "a codable transcript is final: import the corrected text as a new version"
                            : "allowed next: "
                                    + next().stream()
                                            .map(TranscriptState::label)
                                            .toList());
        }
        return target;
    }

    /** Lower-case name as stored and printed. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The state of a stored label. */
    public static TranscriptState ofLabel(String label) {
        for (TranscriptState s : values()) if (s.label().equals(label)) return s;
        throw new IllegalArgumentException("unknown transcript state: " + label);
    }
}
