package org.tfeval.qual.agreement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * NVivo's coding comparison for any number of coders: character-level percent agreement and Cohen's kappa
 * per code for every pair of coders, pooled over the transcripts both coders of the pair coded (NVivo
 * compares two users or user groups at a time; a round with three coders gives three pairs per code).
 */
public final class PairwiseKappa {
    private PairwiseKappa() {}

    /**
     * One pair's figures for one code.
     *
     * @param code       the code
     * @param coderA     the first coder (name order)
     * @param coderB     the second
     * @param characters the four character counts
     */
    public record Pair(String code, String coderA, String coderB, CharacterCounts characters) {
        public Pair {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(characters, "characters");
        }

        public double percentAgreement() {
            return characters.percentAgreement();
        }

        public double kappa() {
            return characters.kappa();
        }
    }

    /** Every code's figures for every pair of coders, codes then pairs in name order. */
    public static List<Pair> of(List<Source> sources, List<CodedSpan> spans) {
        TreeSet<String> coders = new TreeSet<>();
        sources.forEach(s -> coders.addAll(s.coders()));
        TreeSet<String> codes = new TreeSet<>();
        Map<String, Map<String, Map<String, BitSet>>> marks = new HashMap<>(); // code -> source -> coder
        for (CodedSpan c : spans) {
            codes.add(c.code());
            marks.computeIfAbsent(c.code(), k -> new HashMap<>())
                    .computeIfAbsent(c.source(), k -> new HashMap<>())
                    .computeIfAbsent(c.coder(), k -> new BitSet())
                    .set(c.span().start(), c.span().end());
        }
        List<String> list = List.copyOf(coders);
        List<Pair> out = new ArrayList<>();
        for (String code : codes) {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    String a = list.get(i);
                    String b = list.get(j);
                    CharacterCounts total = CharacterCounts.ZERO;
                    for (Source s : sources) {
                        if (!s.coders().contains(a) || !s.coders().contains(b)) continue;
                        Map<String, BitSet> m =
                                marks.getOrDefault(code, Map.of()).getOrDefault(s.id(), Map.of());
                        total = total.plus(counts(m.get(a), m.get(b), s.length()));
                    }
                    out.add(new Pair(code, a, b, total));
                }
            }
        }
        return out;
    }

    private static CharacterCounts counts(BitSet a, BitSet b, int length) {
        BitSet x = a == null ? new BitSet() : a;
        BitSet y = b == null ? new BitSet() : b;
        BitSet both = (BitSet) x.clone();
        both.and(y);
        long nBoth = both.cardinality();
        long aOnly = x.cardinality() - nBoth;
        long bOnly = y.cardinality() - nBoth;
        return new CharacterCounts(aOnly, bOnly, nBoth, length - aOnly - bOnly - nBoth);
    }
}
