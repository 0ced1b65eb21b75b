package org.tfeval.report.chart;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Quarterly series (counts or rates) over a shaded range, with vertical marks (funding cycles): the
 * performance-measure trends. Quarters are positions 0..n-1 labelled by {@code quarterLabels}.
 *
 * @param title          accessible title
 * @param yLabel         axis label of the values
 * @param quarterLabels  label of each quarter position (every fourth or eighth is printed)
 * @param lines          the series
 * @param band           a shaded range (low and high per quarter, NaN where absent), or null
 * @param bandLabel      legend label of the band
 * @param marks          quarter positions to mark with a dashed vertical line
 * @param markLabel      legend label of the marks
 */
public record QuarterlyChart(
        String title,
        String yLabel,
        List<String> quarterLabels,
        List<Line> lines,
        double[][] band,
        String bandLabel,
        List<Integer> marks,
        String markLabel) {
    static final double WIDTH = 640;
    static final double HEIGHT = 300;
    static final double LEFT = 55;
    static final double TOP = 34;
    static final String BAND_COLOUR = "#d9d9d9";
    /** Up to this many quarters every fourth (each fiscal year's Q1) is labelled; beyond it every eighth. */
    static final int LABELLED_QUARTERS = 32;

    /**
     * One series: a value per quarter position, NaN where not reported.
     *
     * @param label  legend label
     * @param values one per quarter
     */
    public record Line(String label, double[] values) {
        public Line {
            Objects.requireNonNull(label, "label");
            values = values.clone();
        }
    }

    public QuarterlyChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(yLabel, "yLabel");
        quarterLabels = List.copyOf(quarterLabels);
        lines = List.copyOf(lines);
        marks = List.copyOf(marks);
        int n = quarterLabels.size();
        if (n == 0) throw new IllegalArgumentException("a quarterly chart needs quarters");
        for (Line l : lines) {
            if (l.values().length != n)
                throw new IllegalArgumentException("line " + l.label() + " needs " + n + " values");
        }
        if (band != null && (band.length != 2 || band[0].length != n || band[1].length != n))
            throw new IllegalArgumentException("the band needs a low and a high value per quarter");
    }

    public String toSvg() {
        int n = quarterLabels.size();
        double max = 0;
        for (Line l : lines) for (double v : l.values()) if (!Double.isNaN(v)) max = Math.max(max, v);
        if (band != null) for (double v : band[1]) if (!Double.isNaN(v)) max = Math.max(max, v);
        if (max <= 0) max = 1;
        double step = niceStep(max / 4);
        double yMax = Math.ceil(max / step) * step;
        double plotW = WIDTH - LEFT - 20;
        double plotH = HEIGHT - TOP - 45;
        double bottom = TOP + plotH;
        Svg s = new Svg(WIDTH, HEIGHT, title);
        List<String> legend =
                new java.util.ArrayList<>(lines.stream().map(Line::label).toList());
        s.legend(LEFT, 14, legend, plotW);
        double lx = LEFT + legendWidth(legend) + 10;
        if (band != null && bandLabel != null) {
            s.rect(lx, 5, 10, 10, BAND_COLOUR);
            s.text(lx + 14, 14, bandLabel, "start", 10.5, null);
            lx += 24 + bandLabel.length() * 6.2;
        }
        if (!marks.isEmpty() && markLabel != null) {
            s.line(lx, 10, lx + 12, 10, "#555555", 1, "4 3");
            s.text(lx + 16, 14, markLabel, "start", 10.5, null);
        }
        for (int t = 0; t <= 4; t++) {
            double v = yMax * t / 4.0;
            double y = bottom - plotH * t / 4.0;
            s.line(LEFT, y, LEFT + plotW, y, "#e5e5e5", 1, null);
            s.text(LEFT - 5, y + 4, format(v), "end", 10, null);
        }
        s.text(14, TOP + plotH / 2, yLabel, "middle", 10.5, "transform=\"rotate(-90 14 " + (TOP + plotH / 2) + ")\"");
        double dx = n == 1 ? 0 : plotW / (n - 1);
        if (band != null) {
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(band[0][i]) || Double.isNaN(band[1][i])) continue;
                double x = LEFT + dx * i - Math.max(dx, 2) / 2;
                double yHi = bottom - plotH * band[1][i] / yMax;
                double yLo = bottom - plotH * band[0][i] / yMax;
                s.rect(Math.max(LEFT, x), yHi, Math.max(dx, 2), Math.max(yLo - yHi, 1), BAND_COLOUR);
            }
        }
        for (int q : marks) {
            if (q < 0 || q >= n) continue;
            double x = LEFT + dx * q;
            s.line(x, TOP, x, bottom, "#555555", 1, "4 3");
        }
        int every = n > LABELLED_QUARTERS ? 8 : 4;
        for (int i = 0; i < n; i += every) {
            double x = LEFT + dx * i;
            s.line(x, bottom, x, bottom + 4, "#555555", 1, null);
            s.text(x, bottom + 16, quarterLabels.get(i), "middle", 9.5, null);
        }
        s.line(LEFT, bottom, LEFT + plotW, bottom, "#555555", 1, null);
        for (int k = 0; k < lines.size(); k++) {
            StringBuilder d = new StringBuilder();
            double[] v = lines.get(k).values();
            boolean pen = false;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(v[i])) {
                    pen = false;
                    continue;
                }
                double x = LEFT + dx * i;
                double y = bottom - plotH * v[i] / yMax;
                d.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                pen = true;
            }
            if (d.length() > 0) s.path(d.toString().strip(), Svg.color(k), 1.8, null);
        }
        return s.end();
    }

    private static double legendWidth(List<String> labels) {
        double w = 0;
        for (String l : labels) w += 16 + l.length() * 6.2 + 14;
        return Math.min(w, 400);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static double niceStep(double raw) {
        if (raw <= 0) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * p;
    }
}
