package org.tfeval.report.technical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.report.chart.GroupedBarChart;
import org.tfeval.report.chart.IntervalChart;
import org.tfeval.report.chart.StepChart;
import org.tfeval.report.findings.ResultLookup;

/** The figures, drawn from result tables. Public for the task-force reports and the brief. */
public final class Charts {
    /** The stages the funnel figure draws. */
    public static final List<String> FUNNEL_STAGES = List.of(OutcomeFunnel.ARREST, OutcomeFunnel.PROSECUTION, OutcomeFunnel.TRAFFICKING_CHARGE,
            OutcomeFunnel.CONVICTION);

    private Charts() {
    }

    /** Case outcomes by task force (share of investigations reaching each stage), for the given groups of a funnel table. */
    public static Optional<String> funnel(ResultLookup r, String table, String keyColumn, List<String> groups, Map<String, String> rename) {
        return r.table(OutcomeFunnel.ID, table).map(t -> {
            double[][] v = new double[groups.size()][FUNNEL_STAGES.size()];
            for (int g = 0; g < groups.size(); g++) {
                for (int k = 0; k < FUNNEL_STAGES.size(); k++) {
                    int row = t.find(keyColumn, groups.get(g), "stage", FUNNEL_STAGES.get(k));
                    Double p = row < 0 ? null : t.number(row, "pct");
                    v[g][k] = p == null ? Double.NaN : p;
                }
            }
            List<String> labels = groups.stream().map(g -> rename.getOrDefault(g, g)).toList();
            return new GroupedBarChart("Share of cases reaching each stage", labels, FUNNEL_STAGES, v).toSvg();
        });
    }

    /** The groups of a funnel table's key column, in table order. */
    public static List<String> groups(ResultTable t, String keyColumn) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!out.contains(t.text(i, keyColumn))) out.add(t.text(i, keyColumn));
        }
        return out;
    }

    /** Disproportionality ratios of suspects and survivors with intervals. */
    public static Optional<String> disparity(ResultLookup r, String analysis) {
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        String[][] sets = {{"suspects", "Suspects"}, {"victims", "Survivors"}};
        for (int s = 0; s < sets.length; s++) {
            Optional<ResultTable> t = r.table(analysis, sets[s][0]);
            if (t.isEmpty()) continue;
            for (int i = 0; i < t.get().rowCount(); i++) {
                Double ratio = t.get().number(i, "ratio");
                if (ratio == null || ratio <= 0) continue;
                labels.add(sets[s][1] + ": " + t.get().text(i, "race"));
                rows.add(new double[] {ratio, nan(t.get().number(i, "ratio_low")), nan(t.get().number(i, "ratio_high"))});
                groups.add(s);
            }
        }
        if (labels.isEmpty()) return Optional.empty();
        double[] est = rows.stream().mapToDouble(x -> x[0]).toArray();
        double[] lo = rows.stream().mapToDouble(x -> x[1]).toArray();
        double[] hi = rows.stream().mapToDouble(x -> x[2]).toArray();
        return Optional.of(new IntervalChart("Share in the sample over share in the population", labels, est, lo, hi,
                groups.stream().mapToInt(Integer::intValue).toArray(), List.of("Suspects", "Survivors"), 1.0).toSvg());
    }

    /** Kaplan-Meier curves of the share not yet disposed. */
    public static Optional<String> survival(ResultLookup r, String analysis) {
        return r.table(analysis, "curves").filter(t -> t.rowCount() > 0).map(t -> {
            Map<String, List<double[]>> byType = new LinkedHashMap<>();
            for (int i = 0; i < t.rowCount(); i++) {
                byType.computeIfAbsent(t.text(i, "type"), k -> new ArrayList<>()).add(new double[] {t.number(i, "days"), t.number(i, "not_disposed")});
            }
            List<StepChart.Curve> curves = new ArrayList<>();
            byType.forEach((k, v) -> curves.add(new StepChart.Curve(k, v.stream().mapToDouble(x -> x[0]).toArray(),
                    v.stream().mapToDouble(x -> x[1]).toArray())));
            return new StepChart("Share of prosecuted suspects not yet disposed, by days since arrest", "Days since arrest", "Not yet disposed",
                    curves).toSvg();
        });
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }
}
