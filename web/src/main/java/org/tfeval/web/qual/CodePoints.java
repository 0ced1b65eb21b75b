package org.tfeval.web.qual;

/**
 * A text indexed by Unicode code point (what spans count), for cutting the transcript into the pieces the
 * screen shows: Java strings, like the browser's, are UTF-16.
 */
public final class CodePoints {
    private final String text;
    private final int[] charAt;

    CodePoints(String text) {
        this.text = text;
        int n = text.codePointCount(0, text.length());
        charAt = new int[n + 1];
        int i = 0;
        for (int k = 0; k < n; k++) {
            charAt[k] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        charAt[n] = text.length();
    }

    int length() {
        return charAt.length - 1;
    }

    /** The code points [start, end), clamped to the text. */
    String slice(int start, int end) {
        int s = Math.max(0, Math.min(start, length()));
        int e = Math.max(s, Math.min(end, length()));
        return text.substring(charAt[s], charAt[e]);
    }
}
