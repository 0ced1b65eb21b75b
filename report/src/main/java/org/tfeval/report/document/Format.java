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

    /** A count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A proportion as a percentage with one decimal, e.g. {@code 94.9%}. */
    public static String percent(Double p) {
        return p == null ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /** Joins the limits of a range when neither is negative: an en dash. */
    public static final String DASH = "\u2013";
    /** Joins the limits of a range when one is negative ("-60.6 to -51.0", never "-60.6--51.0"). */
    public static final String TO = " to ";

    /**
     * The one way reports print a range from two printed limits: {@code 90.1–97.5}, but
     * {@code -60.6 to -51.0} or {@code -3.2 to 4.1} as soon as a limit is negative, so that no minus
     * sign can be read as a dash.
     */
    public static String range(String low, String high) {
        boolean negative = low.startsWith("-") || high.startsWith("-");
        return low + (negative ? TO : DASH) + high;
    }

    /**
     * A count with its noun in the right number: {@code 1 case}, {@code 0 cases}, {@code 1,204 cases}.
     *
     * @param one  the noun for exactly one
     * @param many the noun for any other count
     */
    public static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** Items joined as a sentence lists them: {@code a}, {@code a and b}, {@code a, b and c}. */
    public static String list(java.util.List<String> items) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** The noun alone, in the number {@code n} asks for (for sentences that print the count elsewhere). */
    public static String noun(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** A proportion's interval in percent, e.g. {@code 90.1–97.5} or {@code -4.2 to 3.0}. */
    public static String percentInterval(Double low, Double high) {
        if (low == null || high == null) return NONE;
        return range(String.format(Locale.ROOT, "%.1f", 100 * low), String.format(Locale.ROOT, "%.1f", 100 * high));
    }

    /** A number with precision by size: 0 decimals from 100, 1 from 10, else 2. */
    public static String number(Double x) {
        if (x == null) return NONE;
        double a = Math.abs(x);
        String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, x);
    }

    /** An interval of numbers, e.g. {@code 0.45–1.23} or {@code -60.6 to -51.0}. */
    public static String numberInterval(Double low, Double high) {
        if (low == null || high == null) return NONE;
        return range(number(low), number(high));
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
