package org.tfeval.report.chart;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Step curves (Kaplan-Meier) of a share falling from 1 over time, one per group.
 *
 * @param title   accessible title
 * @param xLabel  axis label of the time axis
 * @param yLabel  axis label of the share
 * @param curves  the curves
 */
public record StepChart(String title, String xLabel, String yLabel, List<Curve> curves) {
    static final double WIDTH = 640;
    static final double HEIGHT = 330;
    static final double LEFT = 55;
    static final double TOP = 34;

    /**
     * One curve: times ascending with the share from each time on.
     *
     * @param label  legend label
     * @param times  times (the first is usually 0)
     * @param shares shares in [0, 1]
     */
    public record Curve(String label, double[] times, double[] shares) {
        public Curve {
            Objects.requireNonNull(label, "label");
            if (times.length != shares.length || times.length == 0)
                throw new IllegalArgumentException("a curve needs matching, non-empty times and shares");
            for (int i = 1; i < times.length; i++) {
                if (times[i] < times[i - 1])
                    throw new IllegalArgumentException("curve " + label + ": times must ascend");
            }
        }
    }

    public StepChart {
        Objects.requireNonNull(title, "title");
        curves = List.copyOf(curves);
    }

    public String toSvg() {
        double maxT = 1;
        for (Curve c : curves) maxT = Math.max(maxT, c.times()[c.times().length - 1]);
        double step = niceStep(maxT / 6);
        double xMax = Math.ceil(maxT / step) * step;
        double plotW = WIDTH - LEFT - 20;
        double plotH = HEIGHT - TOP - 45;
        Svg s = new Svg(WIDTH, HEIGHT, title);
        s.legend(LEFT, 14, curves.stream().map(Curve::label).toList(), plotW);
        double bottom = TOP + plotH;
        for (int t = 0; t <= 4; t++) {
            double y = bottom - plotH * t / 4.0;
            s.line(LEFT, y, LEFT + plotW, y, "#e5e5e5", 1, null);
            s.text(LEFT - 5, y + 4, (25 * t) + "%", "end", 10, null);
        }
        for (double v = 0; v <= xMax + 1e-9; v += step) {
            double x = LEFT + plotW * v / xMax;
            s.line(x, bottom, x, bottom + 4, "#333333", 1, null);
            s.text(x, bottom + 16, String.format(Locale.ROOT, "%.0f", v), "middle", 10, null);
        }
        s.line(LEFT, TOP, LEFT, bottom, "#333333", 1, null)
                .line(LEFT, bottom, LEFT + plotW, bottom, "#333333", 1, null);
        s.text(LEFT + plotW / 2, HEIGHT - 8, xLabel, "middle", 10.5, null);
        s.text(
                14,
                TOP + plotH / 2,
                yLabel,
                "middle",
                10.5,
                String.format(Locale.ROOT, "transform=\"rotate(-90 14 %.1f)\"", TOP + plotH / 2));
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            StringBuilder d = new StringBuilder();
            double prevY = 0;
            for (int i = 0; i < c.times().length; i++) {
                double x = LEFT + plotW * c.times()[i] / xMax;
                double y = bottom - plotH * c.shares()[i];
                if (i == 0) d.append(String.format(Locale.ROOT, "M%.1f %.1f", x, y));
                else d.append(String.format(Locale.ROOT, " H%.1f V%.1f", x, y));
                prevY = y;
            }
            d.append(String.format(Locale.ROOT, " V%.1f", prevY));
            s.path(d.toString(), Svg.color(k), 2, null);
        }
        return s.end();
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) return m * p;
        }
        return 10 * p;
    }
}
