package org.tfeval.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.frame.Column;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.frame.NumericColumn;
import org.tfeval.stats.frame.StringColumn;
import org.tfeval.stats.model.FitWarning;

/**
 * Kaplan-Meier estimator as {@code survival::survfit(Surv(time, event) ~ strata)}: one row per distinct
 * time with an event or censoring, the product-limit estimate, Greenwood's standard error of the
 * cumulative hazard ({@code sqrt(sum d / (n (n - d)))}, infinite once everyone at risk has failed),
 * pointwise intervals ({@link SurvivalInterval}) and the median with its interval read off the interval
 * curves. With two or more strata, also the log-rank test. Immutable; configured by copy.
 */
public final class KaplanMeier {

    /** Default confidence level (survfit's {@code conf.int = 0.95}). */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Survival within this of 0.5 counts as exactly 0.5 for the median (R: sqrt of machine epsilon). */
    public static final double MEDIAN_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    /** Stratum label when there are no strata, as survfit's {@code "all"}. */
    public static final String ALL = "all";

    private final double confidence;
    private final SurvivalInterval interval;

    private KaplanMeier(double confidence, SurvivalInterval interval) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        this.confidence = confidence;
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** 95% "log" intervals, survfit's defaults. */
    public static KaplanMeier create() {
        return new KaplanMeier(DEFAULT_CONFIDENCE, SurvivalInterval.LOG);
    }

    public KaplanMeier withConfidence(double level) {
        return new KaplanMeier(level, interval);
    }

    public KaplanMeier withInterval(SurvivalInterval type) {
        return new KaplanMeier(confidence, type);
    }

    /**
     * Curves from columns of {@code data}: {@code time} numeric and non-negative, {@code event} numeric
     * 0/1 (1 = event), {@code strata} any column or null. Rows missing any of them are left out.
     */
    public KaplanMeierFit fit(DataFrame data, String time, String event, String strata) {
        List<String> cols = new ArrayList<>(List.of(time, event));
        if (strata != null) {
            cols.add(strata);
        }
        data.requireColumns(cols);
        List<InputViolation> problems = new ArrayList<>();
        Column tc = data.column(time);
        Column ec = data.column(event);
        if (!(tc instanceof NumericColumn)) {
            problems.add(InputViolation.ofColumn(InputViolation.NOT_NUMERIC, time, "survival times must be numeric"));
        }
        if (!(ec instanceof NumericColumn)) {
            problems.add(InputViolation.ofColumn(
                    InputViolation.NOT_NUMERIC, event, "the event indicator must be numeric 0/1"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Column sc = strata == null ? null : data.column(strata);
        int n = data.rowCount();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!tc.isMissing(i) && !ec.isMissing(i) && (sc == null || !sc.isMissing(i))) {
                keep.add(i);
            }
        }
        double[] t = new double[keep.size()];
        double[] e = new double[keep.size()];
        String[] s = sc == null ? null : new String[keep.size()];
        boolean badTime = false;
        boolean badEvent = false;
        for (int r = 0; r < keep.size(); r++) {
            int i = keep.get(r);
            t[r] = ((NumericColumn) tc).get(i);
            e[r] = ((NumericColumn) ec).get(i);
            badTime |= t[r] < 0;
            badEvent |= e[r] != 0 && e[r] != 1;
            if (sc != null) {
                s[r] = strata + "="
                        + (sc instanceof StringColumn str ? str.get(i) : numberText(((NumericColumn) sc).get(i)));
            }
        }
        if (badTime) {
            problems.add(InputViolation.ofColumn(InputViolation.OUT_OF_RANGE, time, "survival times must be >= 0"));
        }
        if (badEvent) {
            problems.add(InputViolation.ofColumn(
                    InputViolation.NOT_BINARY, event, "the event indicator must be 0 (censored) or 1 (event)"));
        }
        if (keep.isEmpty()) {
            problems.add(InputViolation.ofData(InputViolation.TOO_FEW_ROWS, "no row has values for all of " + cols));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        KaplanMeierFit fit = fit(t, e, s);
        if (keep.size() < n) {
            List<FitWarning> w = new ArrayList<>(fit.warnings());
            w.add(new FitWarning(
                    FitWarning.ROWS_DROPPED, (n - keep.size()) + " rows with missing values were left out"));
            return new KaplanMeierFit(fit.curves(), fit.logRank(), fit.interval(), fit.confidence(), w);
        }
        return fit;
    }

    /** Curves from arrays; {@code strata} null for a single curve. Strata are ordered by label. */
    public KaplanMeierFit fit(double[] time, double[] event, String[] strata) {
        if (time.length != event.length || (strata != null && strata.length != time.length)) {
            throw new IllegalArgumentException("time, event and strata must have the same length");
        }
        TreeMap<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < time.length; i++) {
            if (!(time[i] >= 0) || (event[i] != 0 && event[i] != 1)) {
                throw new IllegalArgumentException("row " + i + ": need time >= 0 and event 0/1");
            }
            groups.computeIfAbsent(strata == null ? ALL : strata[i], k -> new ArrayList<>())
                    .add(i);
        }
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
        List<SurvivalCurve> curves = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            int[] rows = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            curves.add(curve(entry.getKey(), time, event, rows, z));
        }
        LogRankResult lr = null;
        if (groups.size() >= 2) {
            int[] g = new int[time.length];
            List<String> labels = new ArrayList<>(groups.keySet());
            for (int k = 0; k < labels.size(); k++) {
                for (int i : groups.get(labels.get(k))) {
                    g[i] = k;
                }
            }
            lr = LogRankTest.test(time, event, g, labels);
        }
        return new KaplanMeierFit(curves, lr, interval, confidence, List.of());
    }

    private SurvivalCurve curve(String label, double[] time, double[] event, int[] rows, double z) {
        double[][] te = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            te[r] = new double[] {time[rows[r]], event[rows[r]]};
        }
        Arrays.sort(te, (a, b) -> Double.compare(a[0], b[0]));
        List<SurvivalPoint> points = new ArrayList<>();
        int atRisk = te.length;
        double s = 1;
        double varCumHaz = 0;
        int totalEvents = 0;
        int i = 0;
        while (i < te.length) {
            double t = te[i][0];
            int d = 0;
            int c = 0;
            while (i < te.length && te[i][0] == t) {
                if (te[i][1] == 1) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
            if (d > 0) {
                s *= 1 - (double) d / atRisk;
                varCumHaz = atRisk == d
                        ? Double.POSITIVE_INFINITY
                        : varCumHaz + (double) d / ((double) atRisk * (atRisk - d));
            }
            double se = Math.sqrt(varCumHaz);
            double[] lim = interval.limits(s, se, z);
            points.add(new SurvivalPoint(t, atRisk, d, c, s, se, lim[0], lim[1]));
            totalEvents += d;
            atRisk -= d + c;
        }
        return new SurvivalCurve(
                label, rows.length, totalEvents, points, median(points, 0), median(points, 1), median(points, 2));
    }

    /**
     * First time the chosen curve (0 = estimate, 1 = lower limit, 2 = upper limit) reaches 0.5; where it
     * sits at exactly 0.5, the midpoint to the next drop (R's {@code quantile.survfit}).
     */
    private static double median(List<SurvivalPoint> points, int which) {
        for (int k = 0; k < points.size(); k++) {
            double v = value(points.get(k), which);
            if (Double.isNaN(v) || v > 0.5 + MEDIAN_TOLERANCE) {
                continue;
            }
            if (Math.abs(v - 0.5) <= MEDIAN_TOLERANCE) {
                for (int m = k + 1; m < points.size(); m++) {
                    double w = value(points.get(m), which);
                    if (!Double.isNaN(w) && w < v - MEDIAN_TOLERANCE) {
                        return 0.5 * (points.get(k).time() + points.get(m).time());
                    }
                }
            }
            return points.get(k).time();
        }
        return Double.NaN;
    }

    private static double value(SurvivalPoint p, int which) {
        return switch (which) {
            case 0 -> p.survival();
            case 1 -> p.ciLow();
            default -> p.ciHigh();
        };
    }

    private static String numberText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
