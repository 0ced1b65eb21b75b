package org.tfeval.qual.agreement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.text.Span;

/**
 * Where two coders differ on one code in one transcript: a maximal stretch of text covered by either coder's
 * spans of the code (touching or overlapping spans joined) in which their characters are not the same. An
 * adjudicator decides each one ({@link Decision}); stretches where they coded the very same characters are
 * agreements and go into the consensus as they are.
 *
 * @param source the transcript
 * @param code   the code
 * @param region the stretch
 * @param a      coder A's spans in it (merged)
 * @param b      coder B's spans in it (merged)
 */
public record Disagreement(String source, String code, Span region, List<Span> a, List<Span> b) {
    public Disagreement {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(region, "region");
        a = List.copyOf(a);
        b = List.copyOf(b);
    }

    /** What the adjudicator keeps of a disagreement. */
    public enum Decision {
        /** Coder A's spans. */
        A("a"),
        /** Coder B's spans. */
        B("b"),
        /** Everything either coded (the union). */
        BOTH("both"),
        /** Nothing: the code does not apply here. */
        NEITHER("neither");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Decision ofLabel(String s) {
            for (Decision d : values()) if (d.label.equals(s.strip().toLowerCase(Locale.ROOT))) return d;
            throw Problem.usage("a decision is a, b, both or neither, not " + s, null);
        }

        /** The spans the consensus keeps for a disagreement. */
        public List<Span> keep(Disagreement d) {
            switch (this) {
                case A:
                    return d.a();
                case B:
                    return d.b();
                case BOTH:
                    return runs(
                            union(d.a(), d.b()), d.region().start(), d.region().end());
                default:
                    return List.of();
            }
        }
    }

    /**
     * One result of comparing two coders on a code in a transcript: the agreed spans and the disagreements.
     *
     * @param agreed        spans both coded identically (kept as they are)
     * @param disagreements the stretches an adjudicator must decide
     */
    public record Comparison(List<CodedSpan> agreed, List<Disagreement> disagreements) {
        public Comparison {
            agreed = List.copyOf(agreed);
            disagreements = List.copyOf(disagreements);
        }
    }

    /** Compares coders {@code a} and {@code b} over every code and transcript of the spans. */
    public static Comparison compare(List<CodedSpan> spans, String a, String b) {
        Map<String, Map<String, BitSet[]>> marks = new TreeMap<>(); // source -> code -> [a, b]
        for (CodedSpan c : spans) {
            int who = c.coder().equals(a) ? 0 : c.coder().equals(b) ? 1 : -1;
            if (who < 0) continue;
            BitSet[] pair = marks.computeIfAbsent(c.source(), k -> new TreeMap<>())
                    .computeIfAbsent(c.code(), k -> new BitSet[] {new BitSet(), new BitSet()});
            pair[who].set(c.span().start(), c.span().end());
        }
        List<CodedSpan> agreed = new ArrayList<>();
        List<Disagreement> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, BitSet[]>> s : marks.entrySet()) {
            for (Map.Entry<String, BitSet[]> k : s.getValue().entrySet()) {
                BitSet x = k.getValue()[0];
                BitSet y = k.getValue()[1];
                BitSet any = (BitSet) x.clone();
                any.or(y);
                for (int i = any.nextSetBit(0); i >= 0; ) {
                    int e = any.nextClearBit(i);
                    List<Span> ra = runs(x, i, e);
                    List<Span> rb = runs(y, i, e);
                    if (ra.equals(rb)) {
                        for (Span sp : ra) agreed.add(new CodedSpan(s.getKey(), "consensus", k.getKey(), sp));
                    } else {
                        out.add(new Disagreement(s.getKey(), k.getKey(), new Span(i, e), ra, rb));
                    }
                    i = any.nextSetBit(e);
                }
            }
        }
        return new Comparison(agreed, out);
    }

    private static BitSet union(List<Span> a, List<Span> b) {
        BitSet bits = new BitSet();
        for (Span s : a) bits.set(s.start(), s.end());
        for (Span s : b) bits.set(s.start(), s.end());
        return bits;
    }

    private static List<Span> runs(BitSet bits, int from, int to) {
        List<Span> out = new ArrayList<>();
        for (int i = bits.nextSetBit(from); i >= 0 && i < to; ) {
            int e = Math.min(bits.nextClearBit(i), to);
            out.add(new Span(i, e));
            i = bits.nextSetBit(e);
        }
        return out;
    }

    /** Disagreements by their key (source, code, start, end). */
    public static Map<String, Disagreement> byKey(List<Disagreement> list) {
        Map<String, Disagreement> m = new HashMap<>();
        for (Disagreement d : list) m.put(d.key(), d);
        return m;
    }

    /** {@code source/code/start-end}. */
    public String key() {
        return source + "/" + code + "/" + region.start() + "-" + region.end();
    }
}
