package org.tfeval.report.chart;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Locale;

/** The SVG text the charts share: the root element, text, lines, the palette. */
final class Svg {
    /** Okabe-Ito colours, distinguishable with colour-vision deficiencies. */
    static final List<String> PALETTE =
            List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000");

    static final String FONT = "Helvetica, Arial, sans-serif";

    private final StringBuilder b = new StringBuilder();

    Svg(double width, double height, String title) {
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                        + "role=\"img\" font-family=\"%s\" font-size=\"11\"><title>%s</title>",
                width,
                height,
                width,
                height,
                FONT,
                escape(title)));
        b.append(String.format(
                Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>", width, height));
    }

    /** Text content escaped by jte's HTML escaper (the one the report templates use). */
    static String escape(String text) {
        StringOutput out = new StringOutput();
        Escape.htmlContent(text == null ? "" : text, out);
        return out.toString();
    }

    static String color(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    Svg text(double x, double y, String text, String anchor, double size, String extra) {
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%.1f\"%s>%s</text>",
                x,
                y,
                anchor,
                size,
                extra == null ? "" : " " + extra,
                escape(text)));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        b.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill) {
        b.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x,
                y,
                Math.max(w, 0),
                h,
                fill));
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill) {
        b.append(String.format(
                Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>", cx, cy, r, fill));
        return this;
    }

    Svg path(String d, String stroke, double width, String dash) {
        b.append(String.format(
                Locale.ROOT,
                "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                d,
                stroke,
                width,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        return this;
    }

    /** A legend row of coloured squares and labels, starting at x, y. */
    Svg legend(double x, double y, List<String> labels, double maxWidth) {
        double cx = x;
        double cy = y;
        for (int i = 0; i < labels.size(); i++) {
            double w = 16 + labels.get(i).length() * 6.2 + 14;
            if (cx + w > x + maxWidth && cx > x) {
                cx = x;
                cy += 16;
            }
            rect(cx, cy - 9, 10, 10, color(i));
            text(cx + 14, cy, labels.get(i), "start", 10.5, null);
            cx += w;
        }
        return this;
    }

    String end() {
        return b.append("</svg>").toString();
    }
}
