package org.tfeval.report.document;

import java.util.Locale;
import org.tfeval.analysis.ColumnKind;

/** How reports print result values. One place, so tests can check printed numbers against the JSON. */
public final class Format {
    /** Printed for a value that was not computed. */
    public static final String NONE = "–";
    /** p-values below this print as {@code <0.001}. */
    public static final double SMALLEST_P = 0.001;

    private Format() {}

    /** A value of a column kind. */
    public static String value(ColumnKind kind, Object v) {
        if (v == null) return NONE;
        return switch (kind) {
            case TEXT -> v.toString();
            case COUNT -> count((Long) v);
            case PROPORTION -> percent((Double) v);
            case P_VALUE -> pValue((Double) v);
            case NUMBER -> number((Double) v);
        };
    }

    public static String count(Long n) {
        return n == null ? NONE : String.format(Locale.ROOT, "%,d", n);
    }

    /** A proportion as a percentage with one decimal, e.g. {@code 94.9%}. */
    public static String percent(Double p) {
        return p == null ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /** A proportion's interval in percent, e.g. {@code 90.1–97.5}. */
    public static String percentInterval(Double low, Double high) {
        if (low == null || high == null) return NONE;
        return String.format(Locale.ROOT, "%.1f–%.1f", 100 * low, 100 * high);
    }

    /** A number with precision by size: 0 decimals from 100, 1 from 10, else 2. */
    public static String number(Double x) {
        if (x == null) return NONE;
        double a = Math.abs(x);
        String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, x);
    }

    /** An interval of numbers, e.g. {@code 0.45–1.23}. */
    public static String numberInterval(Double low, Double high) {
        if (low == null || high == null) return NONE;
        return number(low) + "–" + number(high);
    }

    public static String pValue(Double p) {
        if (p == null) return NONE;
        return p < SMALLEST_P ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** An interval of a column kind. */
    public static String interval(ColumnKind kind, Object low, Object high) {
        return kind == ColumnKind.PROPORTION
                ? percentInterval((Double) low, (Double) high)
                : numberInterval((Double) low, (Double) high);
    }
}
