package org.tfeval.analysis.disparity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.Categories;
import org.tfeval.analysis.data.DesignEstimate;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.IntColumn;
import org.tfeval.analysis.data.Interval;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;

/**
 * Race shares of suspects ({@code S_RACE}) and survivors ({@code V_RACE}) against the population
 * benchmark: the disproportionality ratio (share among suspects over share in the population)
 * with a Katz log interval and the difference in percentage points with a Newcombe interval,
 * treating the benchmark as a proportion of its population. Each task force is set against its most
 * specific jurisdiction (TF_ID, state, national). Cross-site figures are design-based: the share is the
 * weighted share with its linearization interval (task force as the cluster, {@link SampleDesign}), and the
 * benchmark is the combination of the task forces' own benchmarks with the same weights (the share the sample
 * would have if each task force's suspects matched its jurisdiction's population); ratio and difference
 * intervals are the share's interval over (minus) that combined benchmark, which is treated as known. A race
 * with no one in the sample gets no ratio (its estimate, 0, would sit outside any log-scale interval).
 */
public final class Disproportionality implements Analysis {
    /** Analysis id. */
    public static final String ID = "disparity";

    /**
     * A race among suspects (or survivors) against the benchmark: count and share with its interval,
     * the benchmark share, the ratio and the difference in percentage points with their intervals
     * (null without a benchmark share).
     */
    public record RaceRow(
            String race,
            String jurisdiction,
            long n,
            long denominator,
            Double share,
            Double shareLow,
            Double shareHigh,
            Double benchmark,
            Double ratio,
            Double ratioLow,
            Double ratioHigh,
            Double difference,
            Double differenceLow,
            Double differenceHigh,
            Double unweightedShare,
            Double wilsonLow,
            Double wilsonHigh) {}

    /** A race among one task force's suspects against the benchmark of its jurisdiction. */
    public record SiteRaceRow(
            String taskForce,
            String jurisdiction,
            String race,
            long n,
            long denominator,
            Double share,
            Double benchmark,
            Double ratio,
            Double ratioLow,
            Double ratioHigh) {}

    public static final TableKey<RaceRow> SUSPECTS = TableKey.of("suspects", RaceRow.class);
    public static final TableKey<RaceRow> VICTIMS = TableKey.of("victims", RaceRow.class);
    public static final TableKey<SiteRaceRow> SUSPECTS_BY_SITE = TableKey.of("suspects_by_site", SiteRaceRow.class);

    @Override
    public List<TableKey<?>> tables() {
        return List.of(SUSPECTS, VICTIMS, SUSPECTS_BY_SITE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Disproportionality";
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        PopulationBenchmark bench = settings.benchmark();
        List<ResultTable<?>> tables = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<String> national = bench.jurisdiction(PopulationBenchmark.NATIONAL);
        String crossSite =
                national.orElseGet(() -> bench.jurisdictions().iterator().next());
        if (national.isEmpty())
            warnings.add("The benchmark has no national (" + PopulationBenchmark.NATIONAL
                    + ") rows; task forces without a benchmark of their own use " + crossSite + ".");
        SampleDesign design = SampleDesign.of(data, settings.frames());
        tables.add(table(
                SUSPECTS,
                "Race of suspects against the population benchmark",
                data,
                data.suspects(),
                "suspect",
                "S_RACE",
                crossSite,
                i -> data.suspects().site(i) >= 0,
                settings,
                design));
        tables.add(table(
                VICTIMS,
                "Race of survivors against the population benchmark",
                data,
                data.victims(),
                "victim",
                "V_RACE",
                crossSite,
                i -> data.victims().site(i) >= 0,
                settings,
                design));

        ResultTable.Builder<SiteRaceRow> sb = ResultTable.builder(
                        SUSPECTS_BY_SITE, "Race of suspects against the benchmark, by task force")
                .text("task_force", "Task force")
                .text("jurisdiction", "Benchmark")
                .text("race", "Race")
                .count("n", "Suspects")
                .count("denominator", "Of")
                .proportion("share", "% of suspects")
                .proportion("benchmark", "% of population")
                .number("ratio", "Ratio")
                .number("ratio_low", "Ratio CI low")
                .number("ratio_high", "Ratio CI high");
        FormData s = data.suspects();
        var race = s.code("S_RACE");
        for (TaskForce t : data.sitesWithCases()) {
            String j = bench.jurisdiction(t.id(), t.state(), PopulationBenchmark.NATIONAL)
                    .orElse(crossSite);
            Categories cat = Categories.of(race, i -> s.site(i) == t.index(), data.codes("suspect", "S_RACE"));
            for (var e : cat.counts().entrySet()) {
                Optional<BenchmarkShare> b = bench.share(j, e.getKey().intValue());
                if (b.isEmpty()) continue;
                Ratio r = Ratio.of(e.getValue(), cat.total(), b.get(), settings.confidence());
                boolean none = e.getValue() == 0;
                sb.add(new SiteRaceRow(
                        t.id(),
                        j,
                        data.label("suspect", "S_RACE", e.getKey()),
                        e.getValue(),
                        cat.total(),
                        r.share(),
                        b.get().share(),
                        none ? null : r.ratio(),
                        none ? null : r.ratioCi().low(),
                        none ? null : r.ratioCi().high()));
            }
        }
        sb.note(benchmarkNote(bench));
        sb.note(
                "A race with no suspects at a task force has no ratio: its estimate, 0, cannot lie inside a Katz log interval. "
                        + "Ratios of one task force rest on its own suspects, treated as independent ("
                        + settings.confidenceLabel()
                        + " Katz log interval).");
        tables.add(sb.build());
        if (bench.illustrative())
            warnings.add("The population benchmark is the ILLUSTRATIVE default (" + bench.label()
                    + "); supply the benchmark " + "of each task force's jurisdiction before drawing conclusions.");
        return new AnalysisResult(
                ID,
                title(),
                "Share of each race among suspects and survivors with a recorded race, divided by the group's "
                        + "share of the benchmark population: ratio with a " + settings.confidenceLabel()
                        + " Katz log interval, difference with a Newcombe "
                        + "hybrid score interval. Benchmark: " + bench.label() + ".",
                tables,
                warnings);
    }

    private static ResultTable<RaceRow> table(
            TableKey<RaceRow> id,
            String title,
            StudyData data,
            FormData f,
            String form,
            String variable,
            String jurisdiction,
            IntPredicate rows,
            AnalysisSettings settings,
            SampleDesign design) {
        PopulationBenchmark bench = settings.benchmark();
        Categories cat = Categories.of(f.code(variable), rows, data.codes(form, variable));
        IntColumn col = f.code(variable);
        // each task force's own jurisdiction (TF_ID, state, national; else the cross-site default)
        String[] jurisdictionOf = new String[data.taskForces().size()];
        for (TaskForce t : data.taskForces())
            jurisdictionOf[t.index()] = bench.jurisdiction(t.id(), t.state(), PopulationBenchmark.NATIONAL)
                    .orElse(jurisdiction);
        double[] siteWeight = new double[data.taskForces().size()];
        for (int i = 0; i < f.rows(); i++) {
            if (rows.test(i) && f.site(i) >= 0 && col.get(i) >= 0) siteWeight[f.site(i)] += design.weight(f.site(i));
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (int k = 0; k < siteWeight.length; k++) if (siteWeight[k] > 0) used.add(jurisdictionOf[k]);
        String jurisdictionLabel =
                used.size() == 1 ? used.iterator().next() : "Per task force (" + String.join(", ", used) + ")";
        ResultTable.Builder<RaceRow> b = ResultTable.builder(id, title)
                .text("race", "Race")
                .text("jurisdiction", "Benchmark")
                .count("n", "People")
                .count("denominator", "Of")
                .proportion("share", "% of sample")
                .proportion("share_low", "CI low")
                .proportion("share_high", "CI high")
                .proportion("benchmark", "% of population")
                .number("ratio", "Ratio")
                .number("ratio_low", "Ratio CI low")
                .number("ratio_high", "Ratio CI high")
                .number("difference", "Difference (points)")
                .number("difference_low", "Difference CI low")
                .number("difference_high", "Difference CI high")
                .proportion("unweighted_share", "% of sample (unweighted)")
                .proportion("wilson_low", "Wilson low (unweighted)")
                .proportion("wilson_high", "Wilson high (unweighted)");
        for (var e : cat.counts().entrySet()) {
            int code = e.getKey().intValue();
            Share sh = new Share(e.getValue(), cat.total(), cat.excluded());
            Interval wilson = Intervals.wilson(sh, settings.confidence());
            DesignEstimate d = design.share(
                    f.rows(),
                    f::site,
                    i -> rows.test(i) && col.get(i) >= 0,
                    i -> col.get(i) == code ? Share.EVENT : Share.NO_EVENT,
                    settings.confidence());
            // the benchmark combined with the sample's weights: each task force's own jurisdiction
            double num = 0;
            double den = 0;
            boolean complete = true;
            for (int k = 0; k < siteWeight.length; k++) {
                if (siteWeight[k] == 0) continue;
                Optional<BenchmarkShare> bs = bench.share(jurisdictionOf[k], code);
                if (bs.isEmpty()) {
                    complete = false;
                    break;
                }
                num += siteWeight[k] * bs.get().share();
                den += siteWeight[k];
            }
            Double benchmark = complete && den > 0 ? num / den : null;
            boolean ratioShown = benchmark != null && benchmark > 0 && e.getValue() > 0;
            Interval ci = d.interval();
            b.add(new RaceRow(
                    data.label(form, variable, e.getKey()),
                    jurisdictionLabel,
                    e.getValue(),
                    cat.total(),
                    d.estimate(),
                    ci.low(),
                    ci.high(),
                    benchmark,
                    ratioShown ? d.estimate() / benchmark : null,
                    ratioShown ? ci.low() / benchmark : null,
                    ratioShown ? ci.high() / benchmark : null,
                    benchmark != null ? 100 * (d.estimate() - benchmark) : null,
                    benchmark != null ? 100 * (ci.low() - benchmark) : null,
                    benchmark != null ? 100 * (ci.high() - benchmark) : null,
                    sh.proportion(),
                    wilson.low(),
                    wilson.high()));
        }
        b.note("Shares are of " + cat.total() + " people with a recorded race."
                + (cat.excluded().total() > 0 ? " Left out: " + cat.excluded().describe(data.instrument()) + "." : ""));
        b.note(benchmarkNote(bench));
        b.note(
                "A ratio above 1 means the group is a larger share of the sample than of the population. Groups without a benchmark share "
                        + "(such as 'Other') have no ratio; nor does a group with no one in the sample.");
        b.note(design.describe(settings.confidenceLabel())
                + " The benchmark is each task force's own jurisdiction combined with the same weights"
                + (used.size() > 1 ? " (" + used.size() + " jurisdictions)" : "")
                + "; ratio and difference intervals divide (subtract) that benchmark, taken as known.");
        return b.build();
    }

    private static String benchmarkNote(PopulationBenchmark bench) {
        String sources = String.join(
                "; ",
                bench.shares().stream().map(BenchmarkShare::source).distinct().toList());
        return "Benchmark: " + bench.label() + ". Source: " + sources + ".";
    }

    /** A share set against a benchmark share. */
    record Ratio(double share, double ratio, Interval ratioCi, double difference, Interval differenceCi) {
        static Ratio of(long count, long total, BenchmarkShare b, double conf) {
            double share = total == 0 ? Double.NaN : (double) count / total;
            long members = b.members();
            double bshare = (double) members / b.population();
            Interval rci = Intervals.ratio(count, total, members, b.population(), conf);
            Interval dci = Intervals.difference(count, total, members, b.population(), conf);
            return new Ratio(share, share / bshare, rci, share - bshare, dci);
        }
    }
}
