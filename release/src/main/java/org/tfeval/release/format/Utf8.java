package org.tfeval.release.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 helpers for fixed-width fields. */
final class Utf8 {
    private Utf8() {}

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The longest prefix of {@code s} whose UTF-8 encoding has at most {@code maxBytes} bytes. */
    static byte[] truncate(String s, int maxBytes) {
        byte[] b = bytes(s);
        if (b.length <= maxBytes) {
            return b;
        }
        int end = maxBytes;
        while (end > 0 && (b[end] & 0xC0) == 0x80) { // do not cut inside a character
            end--;
        }
        return Arrays.copyOf(b, end);
    }

    /** Like {@link #truncate} but returns the text. */
    static String truncateText(String s, int maxBytes) {
        return new String(truncate(s, maxBytes), StandardCharsets.UTF_8);
    }
}
