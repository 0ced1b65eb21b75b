package org.tfeval.qual.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.tfeval.qual.text.Span;
import org.tfeval.stats.agreement.CodingTable;
import org.tfeval.stats.agreement.KrippendorffAlpha;
import org.tfeval.stats.agreement.MeasurementLevel;

/**
 * The reliability figures of a closed coding round, per code: NVivo's character-level percent
 * agreement and kappa (first two coders, pooled over the transcripts all coders coded), Krippendorff's
 * nominal alpha on turns as units (1 = the coder applied the code in the turn, 0 = coded the transcript
 * but not this code there, missing = did not code the transcript), and the unitizing alpha on the raw
 * spans. Every figure has a percentile bootstrap interval from resampling turns (the clusters the
 * characters and spans sit in) and the share of replicates below {@link #THRESHOLD}. Immutable; the
 * settings change by copy.
 */
public final class ReliabilityRound {
    /** The conventional minimum for drawing conclusions from coded data (Krippendorff 2004, p. 241). */
    public static final double THRESHOLD = 0.80;

    /** Default bootstrap replicates. */
    public static final int DEFAULT_REPLICATES = 1000;

    /** Default interval level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Default seed, so a round's figures are reproducible. */
    public static final long DEFAULT_SEED = 20_260_101L;

    private final int replicates;
    private final double confidence;
    private final long seed;

    private ReliabilityRound(int replicates, double confidence, long seed) {
        if (replicates < 0) throw new IllegalArgumentException("replicates must be >= 0");
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1)");
        this.replicates = replicates;
        this.confidence = confidence;
        this.seed = seed;
    }

    public static ReliabilityRound standard() {
        return new ReliabilityRound(DEFAULT_REPLICATES, DEFAULT_CONFIDENCE, DEFAULT_SEED);
    }

    public ReliabilityRound withReplicates(int n) {
        return new ReliabilityRound(n, confidence, seed);
    }

    public ReliabilityRound withConfidence(double c) {
        return new ReliabilityRound(replicates, c, seed);
    }

    public ReliabilityRound withSeed(long s) {
        return new ReliabilityRound(replicates, confidence, s);
    }

    /** One code's figures. */
    public record CodeFigures(
            String code,
            CharacterCounts characters,
            double percentAgreement,
            Estimate kappa,
            Estimate turnAlpha,
            Estimate unitizingAlpha) {}

    /** The round's figures, codes in name order. */
    public record Figures(List<String> coders, int sources, int turns, List<CodeFigures> codes) {
        public Figures {
            coders = List.copyOf(coders);
            codes = List.copyOf(codes);
        }
    }

    /** A turn-sized piece of a source: the cluster the bootstrap resamples. */
    private record Piece(Source source, int start, int end, int turn) {}

    /** Computes every code's figures. */
    public Figures compute(List<Source> sources, List<CodedSpan> spans) {
        Objects.requireNonNull(sources, "sources");
        TreeSet<String> coderSet = new TreeSet<>();
        Map<String, Source> byId = new LinkedHashMap<>();
        for (Source s : sources) {
            if (byId.put(s.id(), s) != null) throw new IllegalArgumentException("source " + s.id() + " listed twice");
            coderSet.addAll(s.coders());
        }
        List<String> coders = List.copyOf(coderSet);
        if (coders.size() < 2) throw new IllegalArgumentException("a reliability round needs at least two coders");
        TreeSet<String> codes = new TreeSet<>();
        for (CodedSpan c : spans) {
            Source s = byId.get(c.source());
            if (s == null) throw new IllegalArgumentException("a coding refers to a source outside the round");
            if (!s.coders().contains(c.coder())) {
                throw new IllegalArgumentException("coder " + c.coder() + " is not listed on source " + s.id());
            }
            if (c.span().end() > s.length()) throw new IllegalArgumentException("a coding leaves its source");
            codes.add(c.code());
        }
        List<Piece> pieces = pieces(sources);
        List<CodeFigures> out = new ArrayList<>();
        for (String code : codes) out.add(code(code, coders, pieces, spans));
        return new Figures(coders, sources.size(), pieces.size(), out);
    }

    private static List<Piece> pieces(List<Source> sources) {
        List<Piece> out = new ArrayList<>();
        for (Source s : sources) {
            List<Span> turns = s.turns();
            for (int t = 0; t < turns.size(); t++) {
                int start = t == 0 ? 0 : turns.get(t).start();
                int end = t == turns.size() - 1 ? s.length() : turns.get(t + 1).start();
                out.add(new Piece(s, start, end, t));
            }
        }
        return out;
    }

    private CodeFigures code(String code, List<String> coders, List<Piece> pieces, List<CodedSpan> spans) {
        Map<String, Map<String, BitSet>> marks = new HashMap<>();
        for (CodedSpan c : spans) {
            if (!c.code().equals(code)) continue;
            marks.computeIfAbsent(c.source(), k -> new HashMap<>())
                    .computeIfAbsent(c.coder(), k -> new BitSet())
                    .set(c.span().start(), c.span().end());
        }
        String a = coders.get(0);
        String b = coders.get(1);
        int n = pieces.size();
        CharacterCounts[] chars = new CharacterCounts[n];
        Integer[][] turnValues = new Integer[coders.size()][n];
        List<List<UnitizingAlpha.Unit>> pieceUnits = new ArrayList<>();
        boolean[] allCoded = new boolean[n];
        for (int p = 0; p < n; p++) {
            Piece piece = pieces.get(p);
            Source s = piece.source();
            Map<String, BitSet> m = marks.getOrDefault(s.id(), Map.of());
            boolean pair = s.coders().contains(a) && s.coders().contains(b);
            chars[p] = pair ? counts(m.get(a), m.get(b), piece.start(), piece.end()) : CharacterCounts.ZERO;
            Span turn = s.turns().get(piece.turn());
            for (int c = 0; c < coders.size(); c++) {
                String coder = coders.get(c);
                if (!s.coders().contains(coder)) continue;
                BitSet bits = m.get(coder);
                boolean hit = bits != null
                        && bits.nextSetBit(turn.start()) >= 0
                        && bits.nextSetBit(turn.start()) < turn.end();
                turnValues[c][p] = hit ? 1 : 0;
            }
            allCoded[p] = s.coders().containsAll(coders);
            List<UnitizingAlpha.Unit> units = new ArrayList<>();
            if (allCoded[p]) {
                for (int c = 0; c < coders.size(); c++) {
                    BitSet bits = m.get(coders.get(c));
                    if (bits == null) continue;
                    for (int i = bits.nextSetBit(piece.start()); i >= 0 && i < piece.end(); ) {
                        int e = Math.min(bits.nextClearBit(i), piece.end());
                        units.add(new UnitizingAlpha.Unit(c, code, i - piece.start(), e - i));
                        i = bits.nextSetBit(e);
                    }
                }
            }
            pieceUnits.add(units);
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        CharacterCounts total = sumCounts(chars, all);
        ToDoubleFunction<int[]> kappa = idx -> sumCounts(chars, idx).kappa();
        ToDoubleFunction<int[]> turnAlpha = idx -> turnAlpha(coders, turnValues, idx);
        ToDoubleFunction<int[]> unitizing = idx -> unitizing(coders.size(), pieces, pieceUnits, allCoded, idx);
        return new CodeFigures(
                code,
                total,
                total.percentAgreement(),
                estimate(kappa, n, 1),
                estimate(turnAlpha, n, 2),
                estimate(unitizing, n, 3));
    }

    private static CharacterCounts counts(BitSet a, BitSet b, int start, int end) {
        long aOnly = 0, bOnly = 0, both = 0;
        for (int i = start; i < end; i++) {
            boolean x = a != null && a.get(i);
            boolean y = b != null && b.get(i);
            if (x && y) both++;
            else if (x) aOnly++;
            else if (y) bOnly++;
        }
        return new CharacterCounts(aOnly, bOnly, both, (end - start) - aOnly - bOnly - both);
    }

    private static CharacterCounts sumCounts(CharacterCounts[] chars, int[] idx) {
        long a = 0, b = 0, both = 0, neither = 0;
        for (int i : idx) {
            a += chars[i].aOnly();
            b += chars[i].bOnly();
            both += chars[i].both();
            neither += chars[i].neither();
        }
        return new CharacterCounts(a, b, both, neither);
    }

    private static double turnAlpha(List<String> coders, Integer[][] values, int[] idx) {
        Object[][] data = new Object[coders.size()][idx.length];
        for (int c = 0; c < coders.size(); c++) {
            for (int k = 0; k < idx.length; k++) data[c][k] = values[c][idx[k]];
        }
        boolean[] seen = new boolean[2];
        for (Object[] row : data) for (Object v : row) if (v != null) seen[(Integer) v] = true;
        if (!seen[0] || !seen[1]) return Double.NaN;
        return KrippendorffAlpha.of(CodingTable.of(coders, data), MeasurementLevel.NOMINAL)
                .alpha();
    }

    private static double unitizing(
            int coders, List<Piece> pieces, List<List<UnitizingAlpha.Unit>> units, boolean[] allCoded, int[] idx) {
        List<UnitizingAlpha.Unit> joined = new ArrayList<>();
        long at = 0;
        for (int i : idx) {
            if (!allCoded[i]) continue;
            for (UnitizingAlpha.Unit u : units.get(i)) {
                joined.add(new UnitizingAlpha.Unit(u.coder(), u.category(), at + u.begin(), u.length()));
            }
            at += pieces.get(i).end() - pieces.get(i).start();
        }
        if (at == 0 || joined.isEmpty()) return Double.NaN;
        return UnitizingAlpha.of(0, at, coders, joined).alpha();
    }

    private Estimate estimate(ToDoubleFunction<int[]> statistic, int n, long stream) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double value = statistic.applyAsDouble(all);
        if (replicates == 0 || n == 0 || Double.isNaN(value)) return new Estimate(value, value, value, Double.NaN, 0);
        SplittableRandom rng = new SplittableRandom(seed * 31 + stream);
        double[] reps = new double[replicates];
        int k = 0;
        int below = 0;
        int[] idx = new int[n];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < n; i++) idx[i] = rng.nextInt(n);
            double v = statistic.applyAsDouble(idx);
            if (Double.isNaN(v)) continue;
            reps[k++] = v;
            if (v < THRESHOLD) below++;
        }
        if (k == 0) return new Estimate(value, Double.NaN, Double.NaN, Double.NaN, 0);
        double[] sorted = Arrays.copyOf(reps, k);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new Estimate(value, quantile(sorted, tail), quantile(sorted, 1 - tail), (double) below / k, k);
    }

    /** Type-7 quantile (R's default) of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
