package org.tfeval.report.chart;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Point estimates with intervals on a log scale, with a reference line (1 for ratios): a forest
 * plot. Rows with no interval show the point alone; rows with no estimate are labelled only.
 *
 * @param title     accessible title
 * @param labels    row labels, top to bottom
 * @param estimates estimates (positive, NaN for none)
 * @param lows      lower limits (NaN for none)
 * @param highs     upper limits (NaN for none)
 * @param groups    colour group of each row (for example suspects 0, survivors 1)
 * @param groupNames legend labels of the groups
 * @param reference the reference value (drawn dashed)
 */
public record IntervalChart(
        String title,
        List<String> labels,
        double[] estimates,
        double[] lows,
        double[] highs,
        int[] groups,
        List<String> groupNames,
        double reference) {
    static final double WIDTH = 640;
    static final double LABEL = 250;
    static final double ROW = 18;

    public IntervalChart {
        Objects.requireNonNull(title, "title");
        labels = List.copyOf(labels);
        groupNames = List.copyOf(groupNames);
        int n = labels.size();
        if (estimates.length != n || lows.length != n || highs.length != n || groups.length != n) {
            throw new IllegalArgumentException("estimates, limits and groups must match the " + n + " labels");
        }
        if (!(reference > 0))
            throw new IllegalArgumentException("the reference must be positive on a log scale, got " + reference);
    }

    public String toSvg() {
        double lo = reference;
        double hi = reference;
        for (int i = 0; i < labels.size(); i++) {
            for (double v : new double[] {estimates[i], lows[i], highs[i]}) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double minExp = Math.floor(Math.log10(lo) * 2) / 2;
        double maxExp = Math.ceil(Math.log10(hi) * 2) / 2;
        if (maxExp - minExp < 1) {
            minExp -= 0.5;
            maxExp += 0.5;
        }
        double top = 30;
        double plotW = WIDTH - LABEL - 30;
        double height = top + labels.size() * ROW + 34;
        double bottom = top + labels.size() * ROW;
        Svg s = new Svg(WIDTH, height, title);
        s.legend(LABEL, 14, groupNames, plotW);
        final double a = minExp;
        final double span = maxExp - minExp;
        java.util.function.DoubleUnaryOperator x = v -> LABEL + plotW * (Math.log10(v) - a) / span;
        for (double e = Math.ceil(minExp); e <= maxExp + 1e-9; e += 1) {
            for (double m : new double[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (Math.log10(v) < minExp - 1e-9 || Math.log10(v) > maxExp + 1e-9) continue;
                s.line(x.applyAsDouble(v), top, x.applyAsDouble(v), bottom, "#e5e5e5", 1, null);
                s.text(x.applyAsDouble(v), bottom + 14, tick(v), "middle", 10, null);
            }
        }
        s.line(x.applyAsDouble(reference), top - 4, x.applyAsDouble(reference), bottom, "#333333", 1.2, "4 3");
        for (int i = 0; i < labels.size(); i++) {
            double y = top + i * ROW + ROW / 2;
            s.text(LABEL - 8, y + 4, labels.get(i), "end", 10.5, null);
            String color = Svg.color(groups[i]);
            if (lows[i] > 0 && highs[i] > 0 && Double.isFinite(lows[i]) && Double.isFinite(highs[i])) {
                s.line(x.applyAsDouble(lows[i]), y, x.applyAsDouble(highs[i]), y, color, 2, null);
            }
            if (estimates[i] > 0 && Double.isFinite(estimates[i])) s.circle(x.applyAsDouble(estimates[i]), y, 4, color);
        }
        s.text(
                LABEL + plotW / 2,
                height - 4,
                "Ratio (log scale); dashed line: equal to the benchmark",
                "middle",
                10,
                null);
        return s.end();
    }

    private static String tick(double v) {
        if (v >= 1) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%s", Double.toString(v).replaceAll("0+$", ""));
    }
}
