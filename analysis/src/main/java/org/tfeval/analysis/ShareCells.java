package org.tfeval.analysis;

import org.tfeval.analysis.data.Interval;
import org.tfeval.analysis.data.Share;

/**
 * The columns of a share in a result row: {@code n}, {@code denominator}, {@code pct},
 * {@code ci_low}, {@code ci_high}, {@code excluded} (see {@link ResultTable.Builder#shareColumns}).
 * A row record holds it as one component; the table flattens it into six columns.
 *
 * @param n           rows with the event
 * @param denominator rows with a known status
 * @param pct         the proportion, null without a denominator
 * @param ciLow       lower limit of its interval, or null
 * @param ciHigh      upper limit, or null
 * @param excluded    rows left out of the denominator for missing codes
 */
public record ShareCells(long n, long denominator, Double pct, Double ciLow, Double ciHigh, long excluded) {
    /** The cells of a share and its interval (NaN becomes null: not computed). */
    public static ShareCells of(Share share, Interval ci) {
        return new ShareCells(
                share.events(),
                share.trials(),
                orNull(share.proportion()),
                orNull(ci.low()),
                orNull(ci.high()),
                share.excluded().total());
    }

    /** A number, or null for NaN and infinities (not computed). */
    public static Double orNull(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }
}
