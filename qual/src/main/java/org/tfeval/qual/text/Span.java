package org.tfeval.qual.text;

/** A non-empty range {@code [start, end)} of Unicode code points. */
public record Span(int start, int end) implements Comparable<Span> {
    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end; got [" + start + ", " + end + ")");
        }
    }

    /** Number of code points covered. */
    public int length() {
        return end - start;
    }

    /** Whether the two spans share a code point. */
    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /** Whether this span lies inside {@code other}. */
    public boolean within(Span other) {
        return start >= other.start && end <= other.end;
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }
}
