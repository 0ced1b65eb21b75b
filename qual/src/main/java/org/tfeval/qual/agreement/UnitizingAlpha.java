package org.tfeval.qual.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Krippendorff's unitizing alpha, {@code alpha_U} (Krippendorff 2004, Content Analysis 2nd ed.,
 * pp. 251-256): agreement on where units of each category lie on a continuum, every coder having coded
 * all of it. Per category k, each coder's continuum is cut into k-units and gaps; the observed
 * disagreement sums, over ordered pairs of coders and pairs of their sections g, h: the squared
 * differences of both ends for two overlapping k-units, {@code l_g^2} for a k-unit inside the other
 * coder's gap, 0 otherwise, divided by {@code m (m - 1) L^2}. The expected disagreement is
 * {@code (2 / L) [sum_g ((N_k - 1) / 3 (2 l^3 - 3 l^2 + l) + l^2 sum_h [l_h >= l] (l_h - l + 1))] /
 * [m L (m L - 1) - sum_g l (l - 1)]} over the k-units g and all coders' gaps h. Overall alpha is
 * {@code 1 - sum_k Do_k / sum_k De_k} (as DKPro Statistics computes it).
 */
public final class UnitizingAlpha {
    /** A coder's unit on the continuum; overlapping units of one coder and category are merged. */
    public record Unit(int coder, String category, long begin, long length) {
        public Unit {
            Objects.requireNonNull(category, "category");
            if (coder < 0 || length <= 0) throw new IllegalArgumentException("a unit needs coder >= 0 and length > 0");
        }

        long end() {
            return begin + length;
        }
    }

    /** One category's figures. */
    public record Category(double observedDisagreement, double expectedDisagreement, double alpha) {}

    /** Per-category and overall results. */
    public record Result(Map<String, Category> categories, double alpha) {
        public Result {
            categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        }
    }

    private UnitizingAlpha() {}

    /** Computes alpha_U on the continuum {@code [begin, begin + length)} for {@code coders} coders. */
    public static Result of(long begin, long length, int coders, List<Unit> units) {
        if (length <= 0 || coders < 2) throw new IllegalArgumentException("needs length > 0 and at least 2 coders");
        TreeSet<String> categories = new TreeSet<>();
        for (Unit u : units) {
            if (u.coder() >= coders) throw new IllegalArgumentException("unit of coder " + u.coder() + " >= " + coders);
            if (u.begin() < begin || u.end() > begin + length) {
                throw new IllegalArgumentException("a unit lies outside the continuum");
            }
            categories.add(u.category());
        }
        Map<String, Category> out = new LinkedHashMap<>();
        double sumDo = 0;
        double sumDe = 0;
        for (String k : categories) {
            List<List<long[]>> sections = new ArrayList<>();
            for (int c = 0; c < coders; c++) sections.add(sections(begin, length, merged(units, c, k)));
            Category r = category(length, coders, sections);
            out.put(k, r);
            sumDo += r.observedDisagreement();
            sumDe += r.expectedDisagreement();
        }
        double alpha = sumDe == 0 ? Double.NaN : 1 - sumDo / sumDe;
        return new Result(out, alpha);
    }

    private static List<long[]> merged(List<Unit> units, int coder, String category) {
        List<long[]> spans = new ArrayList<>();
        for (Unit u : units)
            if (u.coder() == coder && u.category().equals(category)) spans.add(new long[] {u.begin(), u.end()});
        spans.sort(Comparator.comparingLong((long[] s) -> s[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] s : spans) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
            else out.add(s.clone());
        }
        return out;
    }

    /** Sections {begin, end, 1 for a unit / 0 for a gap} covering the continuum. */
    private static List<long[]> sections(long begin, long length, List<long[]> units) {
        List<long[]> out = new ArrayList<>();
        long at = begin;
        for (long[] u : units) {
            if (u[0] > at) out.add(new long[] {at, u[0], 0});
            out.add(new long[] {u[0], u[1], 1});
            at = u[1];
        }
        if (at < begin + length) out.add(new long[] {at, begin + length, 0});
        return out;
    }

    private static Category category(long length, int m, List<List<long[]>> sections) {
        double observed = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i == j) continue;
                for (long[] g : sections.get(i)) {
                    for (long[] h : sections.get(j)) observed += delta(g, h);
                }
            }
        }
        double l = length;
        observed /= (double) m * (m - 1) * l * l;
        long nk = 0;
        double unitSelf = 0;
        List<Long> gaps = new ArrayList<>();
        for (List<long[]> s : sections) {
            for (long[] g : s) {
                long lg = g[1] - g[0];
                if (g[2] == 1) {
                    nk++;
                    unitSelf += (double) lg * (lg - 1);
                } else {
                    gaps.add(lg);
                }
            }
        }
        double numerator = 0;
        for (List<long[]> s : sections) {
            for (long[] g : s) {
                if (g[2] != 1) continue;
                double lg = g[1] - g[0];
                double inGaps = 0;
                for (long lh : gaps) if (lh >= lg) inGaps += lh - lg + 1;
                numerator += (nk - 1) / 3.0 * (2 * lg * lg * lg - 3 * lg * lg + lg) + lg * lg * inGaps;
            }
        }
        double denominator = m * l * (m * l - 1) - unitSelf;
        double expected = nk == 0 ? 0 : 2 / l * numerator / denominator;
        double alpha = expected == 0 ? Double.NaN : 1 - observed / expected;
        return new Category(observed, expected, alpha);
    }

    private static double delta(long[] g, long[] h) {
        double lg = g[1] - g[0];
        double lh = h[1] - h[0];
        if (g[2] == 1 && h[2] == 1) {
            double d = g[0] - h[0];
            if (-lg < d && d < lh) {
                double e = g[1] - h[1];
                return d * d + e * e;
            }
            return 0;
        }
        if (g[2] == 1 && h[0] <= g[0] && g[1] <= h[1]) return lg * lg;
        if (h[2] == 1 && g[0] <= h[0] && h[1] <= g[1]) return lh * lh;
        return 0;
    }
}
