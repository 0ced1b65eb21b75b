package org.tfeval.cli.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.cli.OutputFormat;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.survival.KaplanMeier;
import org.tfeval.stats.survival.KaplanMeierFit;
import org.tfeval.stats.survival.LogRankResult;
import org.tfeval.stats.survival.SurvivalCurve;
import org.tfeval.stats.survival.SurvivalInterval;
import org.tfeval.stats.survival.SurvivalPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tfeval km}: Kaplan-Meier curves and the log-rank test on any CSV. */
@Command(
        name = "km",
        header = "Kaplan-Meier survival curves and the log-rank test on a CSV file.",
        description = {
            "Kaplan-Meier survival curves with Greenwood SEs, medians, and the log-rank test across --strata."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input: missing column, negative time, event not 0/1, bad option"})
public final class KmCommand extends StatsCommand {

    @Option(names = "--time", required = true, paramLabel = "COL", description = "Follow-up time (numeric, >= 0).")
    String time;

    @Option(names = "--event", required = true, paramLabel = "COL", description = "1 = event, 0 = censored.")
    String event;

    @Option(names = "--strata", paramLabel = "COL", description = "Column defining groups to compare.")
    String strata;

    @Option(
            names = "--interval",
            defaultValue = "log",
            paramLabel = "log|log-log",
            description = "Pointwise interval type (default ${DEFAULT-VALUE}, as survfit).")
    String interval;

    @Option(
            names = "--conf",
            defaultValue = "0.95",
            paramLabel = "LEVEL",
            description = "Confidence level (default ${DEFAULT-VALUE}).")
    double conf;

    @Override
    String run(DataFrame frame) {
        KaplanMeierFit fit = KaplanMeier.create()
                .withConfidence(conf)
                .withInterval(SurvivalInterval.parse(interval))
                .fit(frame, time, event, strata);
        List<String> used = new java.util.ArrayList<>(List.of(time, event));
        if (strata != null) {
            used.add(strata);
        }
        if (outputFormat() == OutputFormat.JSON) {
            Map<String, Object> m = json(fit);
            m.put("missing_codes", missingJson(used));
            return Json.write(m);
        }
        return table(fit) + missingText(used);
    }

    static Map<String, Object> json(KaplanMeierFit fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interval", fit.interval().rName());
        m.put("confidence", fit.confidence());
        List<Object> curves = new ArrayList<>();
        for (SurvivalCurve c : fit.curves()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("stratum", c.stratum());
            cm.put("n", c.n());
            cm.put("events", c.events());
            cm.put("median", c.median());
            cm.put("median_ci_low", c.medianLow());
            cm.put("median_ci_high", c.medianHigh());
            List<Object> rows = new ArrayList<>();
            for (SurvivalPoint p : c.points()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("time", p.time());
                r.put("n_risk", p.atRisk());
                r.put("n_event", p.events());
                r.put("n_censor", p.censored());
                r.put("survival", p.survival());
                r.put("std_error", p.stdError());
                r.put("ci_low", p.ciLow());
                r.put("ci_high", p.ciHigh());
                rows.add(r);
            }
            cm.put("table", rows);
            curves.add(cm);
        }
        m.put("strata", curves);
        LogRankResult lr = fit.logRank();
        if (lr == null) {
            m.put("logrank", null);
        } else {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("chisq", lr.chiSquare());
            l.put("df", lr.df());
            l.put("p_value", lr.pValue());
            l.put("observed", lr.observed());
            l.put("expected", lr.expected());
            m.put("logrank", l);
        }
        m.put("warnings", fit.warnings().stream().map(FitWarning::message).toList());
        return m;
    }

    private static String table(KaplanMeierFit fit) {
        StringBuilder b = new StringBuilder();
        for (SurvivalCurve c : fit.curves()) {
            b.append(String.format(
                    "Stratum %s: n = %d, events = %d, median %s (%.0f%% CI %s to %s)%n",
                    c.stratum(),
                    c.n(),
                    c.events(),
                    num(c.median()),
                    100 * fit.confidence(),
                    num(c.medianLow()),
                    num(c.medianHigh())));
            b.append(String.format(
                    "%12s %7s %7s %8s %10s %10s %10s %10s%n",
                    "time", "n.risk", "n.event", "n.censor", "survival", "std.err", "lower", "upper"));
            for (SurvivalPoint p : c.points()) {
                b.append(String.format(
                        "%12s %7d %7d %8d %10.6f %10s %10s %10s%n",
                        num(p.time()),
                        p.atRisk(),
                        p.events(),
                        p.censored(),
                        p.survival(),
                        num(p.stdError()),
                        num(p.ciLow()),
                        num(p.ciHigh())));
            }
            b.append('\n');
        }
        if (fit.logRank() != null) {
            b.append(String.format(
                    "Log-rank test: chi-square %s on %d df, p = %s%n",
                    num(fit.logRank().chiSquare()),
                    fit.logRank().df(),
                    pval(fit.logRank().pValue())));
        }
        for (FitWarning w : fit.warnings()) {
            b.append("warning: ").append(w.message()).append('\n');
        }
        return b.toString();
    }
}
