package org.tfeval.analysis.disposition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.DateColumn;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.stats.survival.KaplanMeier;
import org.tfeval.stats.survival.KaplanMeierFit;
import org.tfeval.stats.survival.SurvivalCurve;
import org.tfeval.stats.survival.SurvivalPoint;

/**
 * Days from arrest ({@code S_ARREST_DATE}) to disposition ({@code S_DISPOSITION_DATE}) of
 * prosecuted suspects, by type of trafficking, as Kaplan-Meier curves (stats:
 * {@link KaplanMeier}, log intervals) with the log-rank test. A pending disposition
 * ({@code S_DISPOSITION} = 6) is censored at the last date the file shows the suspect's case still
 * open: the later of the indictment date and the case's close date. Suspects without an arrest
 * date, disposed without a disposition date, or with a disposition (or censoring) before the
 * arrest are left out and counted.
 */
public final class TimeToDisposition implements Analysis {
    /** Analysis id. */
    public static final String ID = "disposition";
    /** S_DISPOSITION code of a pending case. */
    public static final int PENDING = 6;
    /** Curves are reported only for groups with at least this many suspects. */
    public static final int MIN_CURVE_SIZE = 5;

    /** A type of trafficking: suspects, disposed, pending, the median days with its interval, the share disposed within a year. */
    public record SummaryRow(
            String type,
            long suspects,
            long disposed,
            long pending,
            Double medianDays,
            Double medianLow,
            Double medianHigh,
            Double disposedWithin365) {}

    /** A step of a Kaplan-Meier curve. */
    public record CurvePoint(
            String type,
            Double days,
            long atRisk,
            long events,
            long censored,
            Double notDisposed,
            Double ciLow,
            Double ciHigh) {}

    /** The log-rank p-value. */
    public record LogRankRow(Double pValue) {}

    public static final TableKey<SummaryRow> SUMMARY = TableKey.of("summary", SummaryRow.class);
    public static final TableKey<CurvePoint> CURVES = TableKey.of("curves", CurvePoint.class);
    public static final TableKey<LogRankRow> LOG_RANK = TableKey.of("log_rank", LogRankRow.class);

    @Override
    public List<TableKey<?>> tables() {
        return List.of(SUMMARY, CURVES, LOG_RANK);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Time to disposition";
    }

    /** Why a suspect is left out. */
    enum Exclusion {
        NO_ARREST_DATE("no arrest date"),
        NO_DISPOSITION_DATE("disposed without a disposition date"),
        NO_CENSORING_DATE("pending without a date after the arrest"),
        BEFORE_ARREST("disposition dated before the arrest"),
        NO_DISPOSITION("disposition not recorded");

        final String words;

        Exclusion(String words) {
            this.words = words;
        }
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        FormData s = data.suspects();
        var pros = s.code("S_PROSECUTED");
        var disp = s.code("S_DISPOSITION");
        var ht = s.code("HT_TYPE");
        DateColumn arrest = s.date("S_ARREST_DATE");
        DateColumn disposed = s.date("S_DISPOSITION_DATE");
        DateColumn indicted = s.date("S_INDICTMENT_DATE");
        DateColumn closed = s.date(StudyData.CASE_CLOSE_DATE);
        Map<String, List<double[]>> byType = new LinkedHashMap<>();
        List<Long> types = data.codes("case", "HT_TYPE");
        types.forEach(t -> byType.put(data.label("case", "HT_TYPE", t), new ArrayList<>()));
        Map<Exclusion, Long> excluded = new java.util.EnumMap<>(Exclusion.class);
        long prosecuted = 0;
        for (int i = 0; i < s.rows(); i++) {
            if (s.site(i) < 0 || pros.get(i) != 1 || !types.contains((long) ht.get(i))) continue;
            prosecuted++;
            Exclusion why = null;
            double time = 0;
            double event = 0;
            int d = disp.get(i);
            if (!arrest.isKnown(i)) {
                why = Exclusion.NO_ARREST_DATE;
            } else if (d < 0) {
                why = Exclusion.NO_DISPOSITION;
            } else if (d == PENDING) {
                int last = Math.max(
                        indicted.isKnown(i) ? indicted.day(i) : DateColumn.NO_DAY,
                        closed.isKnown(i) ? closed.day(i) : DateColumn.NO_DAY);
                if (last == DateColumn.NO_DAY || last < arrest.day(i)) why = Exclusion.NO_CENSORING_DATE;
                else time = last - arrest.day(i);
            } else if (!disposed.isKnown(i)) {
                why = Exclusion.NO_DISPOSITION_DATE;
            } else if (disposed.day(i) < arrest.day(i)) {
                why = Exclusion.BEFORE_ARREST;
            } else {
                time = disposed.day(i) - arrest.day(i);
                event = 1;
            }
            if (why != null) {
                excluded.merge(why, 1L, Long::sum);
            } else {
                byType.get(data.label("case", "HT_TYPE", ht.get(i))).add(new double[] {time, event});
            }
        }
        List<String> warnings = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        byType.forEach((label, list) -> {
            if (list.size() >= MIN_CURVE_SIZE) {
                list.forEach(r -> {
                    labels.add(label);
                    rows.add(r);
                });
            } else if (!list.isEmpty()) {
                warnings.add(label + ": only " + list.size()
                        + " prosecuted suspects with usable dates; no curve is drawn for fewer than " + MIN_CURVE_SIZE
                        + ".");
            }
        });
        ResultTable.Builder<SummaryRow> sum = ResultTable.builder(
                        SUMMARY, "Days from arrest to disposition, by type of trafficking")
                .text("type", "Type")
                .count("suspects", "Suspects")
                .count("disposed", "Disposed")
                .count("pending", "Pending (censored)")
                .number("median_days", "Median days")
                .number("median_low", "Median CI low")
                .number("median_high", "Median CI high")
                .number("disposed_within_365", "Disposed within a year (KM)");
        ResultTable.Builder<CurvePoint> curve = ResultTable.builder(
                        CURVES, "Kaplan-Meier estimates of the share not yet disposed")
                .text("type", "Type")
                .number("days", "Days since arrest")
                .count("at_risk", "At risk")
                .count("events", "Disposed")
                .count("censored", "Censored")
                .proportion("not_disposed", "Share not yet disposed")
                .proportion("ci_low", "CI low")
                .proportion("ci_high", "CI high");
        Double logRankP = null;
        if (!rows.isEmpty()) {
            double[] t = new double[rows.size()];
            double[] e = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                t[i] = rows.get(i)[0];
                e[i] = rows.get(i)[1];
            }
            boolean strata = labels.stream().distinct().count() > 1;
            KaplanMeierFit fit = KaplanMeier.create()
                    .withConfidence(settings.confidence())
                    .fit(t, e, strata ? labels.toArray(String[]::new) : null);
            for (SurvivalCurve c : fit.curves()) {
                String label = strata ? c.stratum() : labels.get(0);
                int censored =
                        c.points().stream().mapToInt(SurvivalPoint::censored).sum();
                sum.add(new SummaryRow(
                        label,
                        c.n(),
                        c.events(),
                        censored,
                        c.median(),
                        c.medianLow(),
                        c.medianHigh(),
                        1 - c.survivalAt(365)));
                curve.add(new CurvePoint(label, 0.0, c.n(), 0, 0, 1.0, 1.0, 1.0));
                for (SurvivalPoint p : c.points()) {
                    curve.add(new CurvePoint(
                            label,
                            p.time(),
                            p.atRisk(),
                            p.events(),
                            p.censored(),
                            p.survival(),
                            p.ciLow(),
                            p.ciHigh()));
                }
            }
            if (fit.logRank() != null) logRankP = fit.logRank().pValue();
            fit.warnings().forEach(w -> warnings.add(w.message()));
        }
        sum.note("Of " + prosecuted
                + " prosecuted suspects; pending dispositions are censored at the later of the indictment date and the "
                + "case's close date."
                + (excluded.isEmpty()
                        ? ""
                        : " Left out: "
                                + String.join(
                                        ", ",
                                        excluded.entrySet().stream()
                                                .map(x -> x.getValue() + " " + x.getKey().words)
                                                .toList())
                                + "."));
        if (logRankP != null)
            sum.note(String.format(
                    java.util.Locale.ROOT, "Log-rank test of equal curves across types: p = %.3f.", logRankP));
        curve.note(
                "Day 0 rows are added for drawing; the other rows are the Kaplan-Meier table at each distinct time.");
        ResultTable.Builder<LogRankRow> test = ResultTable.builder(
                        LOG_RANK, "Log-rank test of equal time to disposition across types")
                .pValue("p_value", "p");
        if (logRankP != null) test.add(new LogRankRow(logRankP));
        return new AnalysisResult(
                ID,
                title(),
                "Kaplan-Meier product-limit estimates of the share of prosecuted suspects not yet disposed, by days "
                        + "since arrest, with " + settings.confidenceLabel()
                        + " log-transformed Greenwood intervals; medians with their intervals read off the "
                        + "interval curves; log-rank test across types. Pending dispositions are censored.",
                List.of(sum.build(), curve.build(), test.build()),
                warnings);
    }
}
