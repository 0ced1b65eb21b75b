package org.tfeval.qual.text;

import java.text.Normalizer;
import java.util.Objects;
import org.tfeval.instrument.workflow.ContentHash;

/**
 * A transcript's text in its one canonical form: Unicode NFC, line feeds only, no byte-order mark, no
 * trailing blanks on a line, no trailing line feeds. Positions are code points; the
 * SHA-256 of the UTF-8 bytes identifies the text (a corrected transcript is a new text with a new hash).
 */
public final class CanonicalText {
    private final String text;
    private final int[] offsets;
    private final String sha256;

    private CanonicalText(String text) {
        this.text = text;
        this.offsets = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) offsets[cp++] = i;
        offsets[cp] = text.length();
        this.sha256 = ContentHash.sha256(text);
    }

    /** Canonicalises raw text. */
    public static CanonicalText of(String raw) {
        Objects.requireNonNull(raw, "raw");
        String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            out.append(stripTrailing(line)).append('\n');
        }
        String joined = out.toString();
        while (joined.endsWith("\n")) joined = joined.substring(0, joined.length() - 1);
        return new CanonicalText(joined);
    }

    /** Reads text that is already canonical, refusing anything else (what a stored or imported text must be). */
    public static CanonicalText verbatim(String canonical) {
        CanonicalText t = of(canonical);
        if (!t.text.equals(canonical)) {
            throw new IllegalArgumentException("the text is not canonical (NFC, LF, no trailing blanks)");
        }
        return t;
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) end--;
        return line.substring(0, end);
    }

    public String text() {
        return text;
    }

    /** Length in code points. */
    public int length() {
        return offsets.length - 1;
    }

    /** SHA-256 of the UTF-8 bytes, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** The text of a span. */
    public String slice(Span span) {
        if (span.end() > length()) {
            throw new IllegalArgumentException(
                    "span [" + span.start() + ", " + span.end() + ") beyond the text's " + length() + " code points");
        }
        return text.substring(offsets[span.start()], offsets[span.end()]);
    }

    /** The text from code point {@code start} to {@code end}. */
    public String slice(int start, int end) {
        return text.substring(offsets[start], offsets[end]);
    }

    /** Code-point position of a UTF-16 index. */
    public int codePointAt(int charIndex) {
        return text.codePointCount(0, charIndex);
    }

    /** SHA-256 of a span's text: what a coded segment carries so a remap can prove it still covers the same words. */
    public String hashOf(Span span) {
        return ContentHash.sha256(slice(span));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalText && ((CanonicalText) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "CanonicalText[" + length() + " code points, sha256 " + sha256.substring(0, 12) + "]";
    }
}
