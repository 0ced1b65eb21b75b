package org.tfeval.analysis;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.tfeval.analysis.data.DesignEstimate;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.Interval;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.Share;

/**
 * The columns of a share in a result row: {@code n}, {@code denominator}, {@code pct},
 * {@code ci_low}, {@code ci_high}, {@code excluded}, {@code unweighted_pct}, {@code wilson_low},
 * {@code wilson_high} (see {@link ResultTable.Builder#shareColumns}). A row record holds it as one component;
 * the table flattens it into nine columns.
 *
 * <p>When a share is estimated with the sample design ({@link #of(Share, Interval, DesignEstimate)}),
 * {@code pct} is the design-weighted estimate and {@code ci_low}/{@code ci_high} its design-based interval (task
 * force as the cluster); the unweighted share and its Wilson interval (cases as independent) stay in the last
 * three columns. Without a design both are the unweighted share and its Wilson interval.
 *
 * @param n           rows with the event
 * @param denominator rows with a known status
 * @param pct         the proportion, null without a denominator
 * @param ciLow       lower limit of its interval, or null
 * @param ciHigh      upper limit, or null
 * @param excluded    rows left out of the denominator for missing codes
 * @param unweightedPct the unweighted proportion n / denominator
 * @param wilsonLow   lower Wilson limit of the unweighted proportion (cases as independent)
 * @param wilsonHigh  upper Wilson limit
 */
public record ShareCells(
        long n,
        long denominator,
        Double pct,
        Double ciLow,
        Double ciHigh,
        long excluded,
        Double unweightedPct,
        Double wilsonLow,
        Double wilsonHigh) {
    /** The cells of a share and its Wilson interval, unweighted (NaN becomes null: not computed). */
    public static ShareCells of(Share share, Interval ci) {
        return new ShareCells(
                share.events(),
                share.trials(),
                orNull(share.proportion()),
                orNull(ci.low()),
                orNull(ci.high()),
                share.excluded().total(),
                orNull(share.proportion()),
                orNull(ci.low()),
                orNull(ci.high()));
    }

    /**
     * The cells of a share estimated with the sample design: the design-based estimate and interval first,
     * the unweighted share and its Wilson interval after.
     */
    public static ShareCells of(Share share, Interval wilson, DesignEstimate design) {
        return new ShareCells(
                share.events(),
                share.trials(),
                orNull(design.estimate()),
                orNull(design.interval().low()),
                orNull(design.interval().high()),
                share.excluded().total(),
                orNull(share.proportion()),
                orNull(wilson.low()),
                orNull(wilson.high()));
    }

    /**
     * The cells of the share of {@code f}'s rows with a task force that {@code rows} accepts whose {@code status} is
     * {@link Share#EVENT}: the design-based estimate and interval of {@code design} (a domain estimate: the other
     * rows stay in the design), with the unweighted share and its Wilson interval beside it.
     */
    public static ShareCells estimate(
            FormData f, IntPredicate rows, IntUnaryOperator status, SampleDesign design, double confidence) {
        Share share = Share.count(f.rows(), i -> f.site(i) >= 0 && rows.test(i), status);
        return of(
                share, Intervals.wilson(share, confidence), design.share(f.rows(), f::site, rows, status, confidence));
    }

    /** A number, or null for NaN and infinities (not computed). */
    public static Double orNull(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }
}
