package org.tfeval.report.chart;

import java.util.List;
import java.util.Objects;

/**
 * Horizontal grouped bars of shares (0-1): one group per category (a task force), one bar per
 * series (a funnel stage), each labelled with its percentage.
 *
 * @param title      accessible title
 * @param categories group labels, top to bottom
 * @param series     series labels (legend order)
 * @param values     values[category][series] in [0, 1], NaN for none
 */
public record GroupedBarChart(String title, List<String> categories, List<String> series, double[][] values) {
    static final double WIDTH = 640;
    static final double LABEL = 110;
    static final double BAR = 9;
    static final double GAP = 10;

    public GroupedBarChart {
        Objects.requireNonNull(title, "title");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (values.length != categories.size())
            throw new IllegalArgumentException("one row of values per category is needed");
        for (double[] v : values) {
            if (v.length != series.size()) throw new IllegalArgumentException("one value per series is needed");
            for (double x : v) {
                if (!Double.isNaN(x) && (x < 0 || x > 1))
                    throw new IllegalArgumentException("bar values must lie in [0, 1], got " + x);
            }
        }
    }

    public String toSvg() {
        double legendH = 24;
        double groupH = series.size() * BAR + GAP;
        double plotTop = legendH + 8;
        double height = plotTop + categories.size() * groupH + 28;
        double plotW = WIDTH - LABEL - 50;
        Svg s = new Svg(WIDTH, height, title);
        s.legend(LABEL, 14, series, plotW);
        double bottom = plotTop + categories.size() * groupH;
        for (int t = 0; t <= 4; t++) {
            double x = LABEL + plotW * t / 4.0;
            s.line(x, plotTop, x, bottom, "#dddddd", 1, null);
            s.text(x, bottom + 14, (25 * t) + "%", "middle", 10, null);
        }
        for (int c = 0; c < categories.size(); c++) {
            double y0 = plotTop + c * groupH;
            s.text(LABEL - 6, y0 + series.size() * BAR / 2 + 4, categories.get(c), "end", 10.5, null);
            for (int k = 0; k < series.size(); k++) {
                double v = values[c][k];
                double y = y0 + k * BAR;
                if (Double.isNaN(v)) continue;
                s.rect(LABEL, y, plotW * v, BAR - 1.5, Svg.color(k));
                s.text(
                        LABEL + plotW * v + 3,
                        y + BAR - 2.5,
                        String.format(java.util.Locale.ROOT, "%.0f%%", 100 * v),
                        "start",
                        8,
                        null);
            }
        }
        s.line(LABEL, plotTop, LABEL, bottom, "#333333", 1, null);
        return s.end();
    }
}
