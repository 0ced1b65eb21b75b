package org.tfeval.analysis.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.ExactTests;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.GroupedShares;
import org.tfeval.analysis.data.Interval;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;

/**
 * Case outcomes (prosecution, trafficking charge) of task forces with and without a feature
 * ({@link Feature#standard}), with Fisher's exact test on the cases, and what the number of task
 * forces allows: the smallest p-value a task-force-level exact test could reach, and a generated
 * statement that case-level tests treat clustered cases as independent.
 * Exact tests: stats' {@code FisherExactTest}.
 */
public final class TaskForceComparison implements Analysis {
    /** Analysis id. */
    public static final String ID = "comparison";
    /** Outcomes compared: variable and words. */
    static final List<String[]> OUTCOMES = List.of(
            new String[] {StudyData.CASE_PROSECUTION, "prosecution"},
            new String[] {StudyData.CASE_HT_CHARGE, "trafficking_charge"});

    /** The share of a group's cases reaching an outcome: n of of, with its interval. */
    public record OutcomeCells(long n, long of, Double pct, Double low, Double high) {
        static OutcomeCells of(Share s, Interval ci) {
            return new OutcomeCells(s.events(), s.trials(), s.proportion(), ci.low(), ci.high());
        }
    }

    /** A feature, one of its two groups, its task forces and cases, their outcomes and Fisher's p-values. */
    public record FeatureRow(
            String feature,
            String group,
            long taskForces,
            long cases,
            OutcomeCells prosecution,
            OutcomeCells traffickingCharge,
            Double prosecutionFisherP,
            Double traffickingChargeFisherP) {}

    /** A feature: task forces with, without, unknown, and the smallest p-value a task-force-level test could reach. */
    public record SiteLevelRow(String feature, long with, long without, long unknown, Double smallestP) {}

    /** A sentence on what the comparison can show. */
    public record StatementRow(String statement) {}

    public static final TableKey<FeatureRow> FEATURES = TableKey.of("features", FeatureRow.class);
    public static final TableKey<SiteLevelRow> SITE_LEVEL = TableKey.of("site_level", SiteLevelRow.class);
    public static final TableKey<StatementRow> STATEMENT = TableKey.of("statement", StatementRow.class);

    @Override
    public List<TableKey<?>> tables() {
        return List.of(FEATURES, SITE_LEVEL, STATEMENT);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Task-force comparison";
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        double conf = settings.confidence();
        List<TaskForce> sites = data.sitesWithCases();
        double median = median(sites.stream()
                .mapToInt(t -> t.code("TF_N_MEMBERS"))
                .filter(v -> v >= 0)
                .sorted()
                .toArray());
        FormData c = data.cases();
        // one pass per outcome: shares by task force, summed over the task forces of each group
        List<GroupedShares> outcomes = OUTCOMES.stream()
                .map(o -> GroupedShares.count(c.rows(), data.taskForces().size(), c::site, c.code(o[0])::get))
                .toList();
        long[] casesBySite = new long[data.taskForces().size()];
        for (int i = 0; i < c.rows(); i++) {
            if (c.site(i) >= 0) casesBySite[c.site(i)]++;
        }
        ResultTable.Builder<FeatureRow> fb = ResultTable.builder(FEATURES, "Case outcomes by task-force feature")
                .text("feature", "Feature")
                .text("group", "Group")
                .count("task_forces", "Task forces")
                .count("cases", "Cases");
        for (String[] o : OUTCOMES) {
            String p = o[1];
            fb.count(p + "_n", cap(p) + ": n")
                    .count(p + "_of", "Of")
                    .proportion(p + "_pct", "%")
                    .proportion(p + "_low", "CI low")
                    .proportion(p + "_high", "CI high");
        }
        fb.pValue("prosecution_fisher_p", "Fisher p (prosecution)")
                .pValue("trafficking_charge_fisher_p", "Fisher p (trafficking charge)");
        ResultTable.Builder<SiteLevelRow> lb = ResultTable.builder(
                        SITE_LEVEL, "What a task-force-level comparison can show")
                .text("feature", "Feature")
                .count("with", "Task forces with")
                .count("without", "Task forces without")
                .count("unknown", "Unknown")
                .pValue("smallest_p", "Smallest attainable p (Fisher, task-force level)");
        List<String> statements = new ArrayList<>();
        for (Feature f : Feature.standard(median)) {
            boolean[] with = new boolean[data.taskForces().size()];
            boolean[] without = new boolean[data.taskForces().size()];
            int nWith = 0;
            int nWithout = 0;
            for (TaskForce t : sites) {
                int g = f.group().applyAsInt(t);
                if (g == 1) {
                    with[t.index()] = true;
                    nWith++;
                } else if (g == 0) {
                    without[t.index()] = true;
                    nWithout++;
                }
            }
            Object[][] rows = {{f.with(), with, nWith}, {f.without(), without, nWithout}};
            for (Object[] r : rows) {
                boolean[] in = (boolean[]) r[1];
                long cases = 0;
                for (int k = 0; k < in.length; k++) cases += in[k] ? casesBySite[k] : 0;
                List<OutcomeCells> cells = new ArrayList<>();
                List<Double> fisher = new ArrayList<>();
                for (GroupedShares o : outcomes) {
                    Share s = o.sum(k -> in[k]);
                    cells.add(OutcomeCells.of(s, Intervals.wilson(s, conf)));
                    fisher.add(ExactTests.fisher(o.sum(k -> with[k]), o.sum(k -> without[k])));
                }
                fb.add(new FeatureRow(
                        f.name(),
                        (String) r[0],
                        (Integer) r[2],
                        cases,
                        cells.get(0),
                        cells.get(1),
                        fisher.get(0),
                        fisher.get(1)));
            }
            int unknown = sites.size() - nWith - nWithout;
            double smallest = ExactTests.smallestAttainable(nWith, nWith + nWithout);
            lb.add(new SiteLevelRow(f.name(), nWith, nWithout, unknown, smallest));
            if (nWith == 0 || nWithout == 0) {
                statements.add(f.name() + ": all " + sites.size()
                        + " task forces with cases fall on one side, so this study cannot compare them.");
            }
        }
        fb.note("Size splits at the median membership (TF_N_MEMBERS) of the task forces with cases: "
                + String.format(Locale.ROOT, "%.0f", median) + " members. " + settings.confidenceLabel()
                + " Wilson intervals.");
        fb.note(
                "Fisher's exact test compares the cases of the two groups as if they were independent; cases cluster within task forces, "
                        + "so these p-values overstate the evidence.");
        ResultTable.Builder<StatementRow> st = ResultTable.builder(
                        STATEMENT, "What these task forces can and cannot show")
                .text("statement", "Statement");
        for (String s : statement(sites.size(), data.taskForces().size())) st.add(new StatementRow(s));
        statements.forEach(s -> st.add(new StatementRow(s)));
        return new AnalysisResult(
                ID,
                title(),
                "Shares of cases prosecuted and charged under a trafficking statute in task forces with and without "
                        + "each feature, with " + settings.confidenceLabel()
                        + " Wilson intervals and Fisher's exact test on the cases; and the smallest "
                        + "p-value Fisher's test on the task forces themselves could reach (the most extreme table).",
                List.of(fb.build(), lb.build(), st.build()),
                statement(sites.size(), data.taskForces().size()));
    }

    /** The honest statement, generated from the number of task forces. */
    static List<String> statement(int sites, int taskForces) {
        List<String> out = new ArrayList<>();
        out.add(String.format(
                Locale.ROOT,
                "These comparisons rest on %d task forces with case files (of %d in the study). Each feature splits them "
                        + "into two small groups, and the groups differ in many ways at once, so a difference in outcomes cannot be attributed to the feature.",
                sites,
                taskForces));
        if (sites >= 2) {
            int half = sites / 2;
            out.add(String.format(
                    Locale.ROOT,
                    "Even the most extreme result possible, with every task force that has a feature doing well and "
                            + "every other doing badly, would give Fisher's exact test on the task forces a two-sided p-value of %.3f for an even %d-%d split, "
                            + "and more for any other split; with %d sites no feature can be shown to matter unless its effect is large and consistent.",
                    ExactTests.smallestAttainable(half, sites),
                    half,
                    sites - half,
                    sites));
        }
        out.add(
                "Case-level tests count each case as independent evidence; because cases of one task force share its practices, "
                        + "they overstate what the data show. Read the differences as descriptions of these task forces, not as effects of their features.");
        return out;
    }

    private static double median(int[] sorted) {
        if (sorted.length == 0) return Double.NaN;
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1).replace('_', ' ');
    }
}
