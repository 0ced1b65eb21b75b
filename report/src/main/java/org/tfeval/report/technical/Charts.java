package org.tfeval.report.technical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.funnel.OutcomeFunnel.StageRow;
import org.tfeval.report.chart.GroupedBarChart;
import org.tfeval.report.chart.IntervalChart;
import org.tfeval.report.chart.StepChart;
import org.tfeval.report.findings.ResultLookup;

/** The figures, drawn from result tables. Public for the task-force reports and the brief. */
public final class Charts {
    /** The stages the funnel figure draws. */
    public static final List<String> FUNNEL_STAGES = List.of(
            OutcomeFunnel.ARREST,
            OutcomeFunnel.PROSECUTION,
            OutcomeFunnel.TRAFFICKING_CHARGE,
            OutcomeFunnel.CONVICTION);

    private Charts() {}

    /** Case outcomes (share of investigations reaching each stage) of the given groups of a funnel table, renamed for print. */
    public static Optional<String> funnel(
            ResultLookup r, TableKey<StageRow> table, List<String> groups, Map<String, String> rename) {
        return r.table(OutcomeFunnel.ID, table).map(t -> {
            double[][] v = new double[groups.size()][FUNNEL_STAGES.size()];
            for (int g = 0; g < groups.size(); g++) {
                for (int k = 0; k < FUNNEL_STAGES.size(); k++) {
                    String group = groups.get(g);
                    String stage = FUNNEL_STAGES.get(k);
                    Double p = t.first(x -> x.group().equals(group) && x.stage().equals(stage))
                            .map(x -> x.share().pct())
                            .orElse(null);
                    v[g][k] = p == null ? Double.NaN : p;
                }
            }
            List<String> labels =
                    groups.stream().map(g -> rename.getOrDefault(g, g)).toList();
            return new GroupedBarChart("Share of cases reaching each stage", labels, FUNNEL_STAGES, v).toSvg();
        });
    }

    /** The groups of a funnel table, in table order. */
    public static List<String> groups(ResultTable<StageRow> t) {
        List<String> out = new ArrayList<>();
        for (StageRow x : t.rows()) {
            if (!out.contains(x.group())) out.add(x.group());
        }
        return out;
    }

    /** Disproportionality ratios of suspects and survivors with intervals. */
    public static Optional<String> disparity(ResultLookup r) {
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<TableKey<Disproportionality.RaceRow>> sets =
                List.of(Disproportionality.SUSPECTS, Disproportionality.VICTIMS);
        List<String> names = List.of("Suspects", "Survivors");
        for (int s = 0; s < sets.size(); s++) {
            Optional<ResultTable<Disproportionality.RaceRow>> t = r.table(Disproportionality.ID, sets.get(s));
            if (t.isEmpty()) continue;
            for (Disproportionality.RaceRow x : t.get().rows()) {
                if (x.ratio() == null || x.ratio() <= 0) continue;
                labels.add(names.get(s) + ": " + x.race());
                rows.add(new double[] {x.ratio(), nan(x.ratioLow()), nan(x.ratioHigh())});
                groups.add(s);
            }
        }
        if (labels.isEmpty()) return Optional.empty();
        double[] est = rows.stream().mapToDouble(x -> x[0]).toArray();
        double[] lo = rows.stream().mapToDouble(x -> x[1]).toArray();
        double[] hi = rows.stream().mapToDouble(x -> x[2]).toArray();
        return Optional.of(new IntervalChart(
                        "Share in the sample over share in the population",
                        labels,
                        est,
                        lo,
                        hi,
                        groups.stream().mapToInt(Integer::intValue).toArray(),
                        names,
                        1.0)
                .toSvg());
    }

    /** Kaplan-Meier curves of the share not yet disposed. */
    public static Optional<String> survival(ResultLookup r) {
        return r.table(TimeToDisposition.ID, TimeToDisposition.CURVES)
                .filter(t -> t.rowCount() > 0)
                .map(t -> {
                    Map<String, List<double[]>> byType = new LinkedHashMap<>();
                    for (TimeToDisposition.CurvePoint x : t.rows()) {
                        byType.computeIfAbsent(x.type(), k -> new ArrayList<>())
                                .add(new double[] {x.days(), x.notDisposed()});
                    }
                    List<StepChart.Curve> curves = new ArrayList<>();
                    byType.forEach((k, v) -> curves.add(new StepChart.Curve(
                            k,
                            v.stream().mapToDouble(x -> x[0]).toArray(),
                            v.stream().mapToDouble(x -> x[1]).toArray())));
                    return new StepChart(
                                    "Share of prosecuted suspects not yet disposed, by days since arrest",
                                    "Days since arrest",
                                    "Not yet disposed",
                                    curves)
                            .toSvg();
                });
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }
}
