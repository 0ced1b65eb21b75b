package org.tfeval.qual.transcript;

import java.time.Duration;

/** A piece of a file before canonicalisation: a paragraph (txt, docx) or a cue (vtt, srt). */
record Block(String speaker, String text, Duration start, Duration end) {
    static Block paragraph(String text) {
        return new Block(null, text, null, null);
    }
}
