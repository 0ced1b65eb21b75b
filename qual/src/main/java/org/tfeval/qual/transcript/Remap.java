package org.tfeval.qual.transcript;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

/**
 * Moves coded segments from one version of a transcript to its correction. The two texts are diffed
 * by words (Myers, java-diff-utils); a segment moves when both its ends fall on words the correction
 * kept and the moved span's text has the very hash the segment carries. Anything else goes to the
 * review list with the reason: nothing is ever shifted silently.
 */
public final class Remap {
    /** Why a segment could not be placed. */
    public enum Reason {
        /** The words at the segment's start or end were changed or removed. */
        BOUNDARY_EDITED,
        /** The ends were found but the words between them changed. */
        TEXT_CHANGED,
        /** The segment's hash does not match its text on the old version (bad input). */
        STALE_HASH
    }

    /** A segment placed on the new version. */
    public record Moved(Segment segment, Span to) {}

    /** A segment a person must place. */
    public record Unplaced(Segment segment, Reason reason) {}

    /** The outcome: every input segment is in exactly one list. */
    public record Result(List<Moved> moved, List<Unplaced> review) {
        public Result {
            moved = List.copyOf(moved);
            review = List.copyOf(review);
        }
    }

    private Remap() {}

    /** Remaps segments coded on {@code from} onto {@code to}. */
    public static Result of(CanonicalText from, CanonicalText to, List<Segment> segments) {
        Objects.requireNonNull(segments, "segments");
        Tokens a = Tokens.of(from);
        Tokens b = Tokens.of(to);
        int[] map = tokenMap(a, b);
        Map<Integer, Integer> startOf = new LinkedHashMap<>();
        Map<Integer, Integer> endOf = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            if (map[i] < 0) continue;
            startOf.put(a.start[i], b.start[map[i]]);
            endOf.put(a.end[i], b.end[map[i]]);
        }
        List<Moved> moved = new ArrayList<>();
        List<Unplaced> review = new ArrayList<>();
        for (Segment s : segments) {
            if (s.span().end() > from.length() || !from.hashOf(s.span()).equals(s.textHash())) {
                review.add(new Unplaced(s, Reason.STALE_HASH));
                continue;
            }
            Integer ns = startOf.get(s.span().start());
            Integer ne = endOf.get(s.span().end());
            if (ns == null || ne == null || ne <= ns) {
                review.add(new Unplaced(s, Reason.BOUNDARY_EDITED));
                continue;
            }
            Span target = new Span(ns, ne);
            if (!to.hashOf(target).equals(s.textHash())) {
                review.add(new Unplaced(s, Reason.TEXT_CHANGED));
            } else {
                moved.add(new Moved(s, target));
            }
        }
        return new Result(moved, review);
    }

    private static int[] tokenMap(Tokens a, Tokens b) {
        Patch<String> patch = DiffUtils.diff(a.text, b.text);
        int[] map = new int[a.size()];
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int src = d.getSource().getPosition();
            int dst = d.getTarget().getPosition();
            while (i < src) map[i++] = j++;
            if (j != dst) throw new IllegalStateException("diff chunks out of step");
            for (int k = 0; k < d.getSource().size(); k++) map[i++] = -1;
            j += d.getTarget().size();
        }
        while (i < a.size()) map[i++] = j++;
        return map;
    }

    /** A text cut into words (runs of letters and digits) and single other code points. */
    private static final class Tokens {
        final List<String> text = new ArrayList<>();
        int[] start;
        int[] end;

        static Tokens of(CanonicalText t) {
            Tokens out = new Tokens();
            String s = t.text();
            List<int[]> pos = new ArrayList<>();
            int cp = 0;
            int i = 0;
            while (i < s.length()) {
                int c = s.codePointAt(i);
                int j = i + Character.charCount(c);
                int len = 1;
                if (Character.isLetterOrDigit(c)) {
                    while (j < s.length() && Character.isLetterOrDigit(s.codePointAt(j))) {
                        j += Character.charCount(s.codePointAt(j));
                        len++;
                    }
                }
                out.text.add(s.substring(i, j));
                pos.add(new int[] {cp, cp + len});
                cp += len;
                i = j;
            }
            out.start = new int[pos.size()];
            out.end = new int[pos.size()];
            for (int k = 0; k < pos.size(); k++) {
                out.start[k] = pos.get(k)[0];
                out.end[k] = pos.get(k)[1];
            }
            return out;
        }

        int size() {
            return text.size();
        }
    }
}
