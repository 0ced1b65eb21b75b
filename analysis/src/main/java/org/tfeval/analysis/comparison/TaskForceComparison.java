package org.tfeval.analysis.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.GroupedShares;
import org.tfeval.analysis.data.Interval;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;
import org.tfeval.stats.multiplicity.Adjustment;
import org.tfeval.stats.permutation.SitePermutationTest;

/**
 * Case outcomes (prosecution, trafficking charge) of task forces with and without a feature
 * ({@link Feature#standard}), answered at the level the question is asked: the task force. The cases of each
 * group are described (shares with Wilson intervals, no case-level test: cases cluster within task forces);
 * the test is stats' exact {@link SitePermutationTest} on the task forces' own rates (difference in mean
 * site-level rate, every assignment of the task forces to the arms enumerated), with the smallest p-value the
 * split can reach, and Holm-adjusted p-values over every test in the table ({@link Adjustment#HOLM}). A feature
 * with fewer than {@link AnalysisSettings#sitesPerArm()} task forces in an arm is described, never tested; a
 * feature held (or lacked) by one task force is that task force's effect and gets no p-value.
 */
public final class TaskForceComparison implements Analysis {
    /** Analysis id. */
    public static final String ID = "comparison";
    /** Outcomes compared: variable and words. */
    static final List<String[]> OUTCOMES = List.of(
            new String[] {StudyData.CASE_PROSECUTION, "prosecution"},
            new String[] {StudyData.CASE_HT_CHARGE, "trafficking_charge"});

    /** What the site-level comparison of a feature may say. */
    public enum Verdict {
        /** Each arm has enough task forces: tested exactly at the task-force level. */
        TESTED("Tested at the task-force level"),
        /** An arm has fewer task forces than the threshold (but more than one): described only. */
        DESCRIPTIVE("Descriptive only: too few task forces in an arm"),
        /** One task force holds (or alone lacks) the feature: its difference is that task force's own. */
        ONE_SITE("One task force: a difference is that task force's effect, not the feature's"),
        /** Every task force falls on one side: no comparison. */
        NO_CONTRAST("No comparison: every task force falls on one side");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public static Verdict of(int with, int without, int perArm) {
            if (with == 0 || without == 0) return NO_CONTRAST;
            if (with == 1 || without == 1) return ONE_SITE;
            if (with < perArm || without < perArm) return DESCRIPTIVE;
            return TESTED;
        }
    }

    /** The share of a group's cases reaching an outcome: n of of, with its interval. */
    public record OutcomeCells(long n, long of, Double pct, Double low, Double high) {
        static OutcomeCells of(Share s, Interval ci) {
            return new OutcomeCells(s.events(), s.trials(), s.proportion(), ci.low(), ci.high());
        }
    }

    /** A feature, one of its two groups, its task forces and cases, and their outcomes (described, not tested). */
    public record FeatureRow(
            String feature,
            String group,
            long taskForces,
            long cases,
            OutcomeCells prosecution,
            OutcomeCells traffickingCharge) {}

    /**
     * A feature at the task-force level: task forces with, without, unknown; what may be said ({@link Verdict});
     * the one task force when the feature is a single site's; for each outcome the difference in mean site-level
     * rate (with minus without), its exact permutation p-value and Holm-adjusted p-value (null unless tested);
     * and the smallest p-value the split can reach (null when an arm is empty).
     */
    public record SiteLevelRow(
            String feature,
            long with,
            long without,
            long unknown,
            String verdict,
            String singleSite,
            Double prosecutionDifference,
            Double prosecutionP,
            Double prosecutionHolmP,
            Double chargeDifference,
            Double chargeP,
            Double chargeHolmP,
            Double smallestP) {}

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
        ResultTable.Builder<SiteLevelRow> lb = ResultTable.builder(
                        SITE_LEVEL, "Task-force features compared at the task-force level")
                .text("feature", "Feature")
                .count("with", "Task forces with")
                .count("without", "Task forces without")
                .count("unknown", "Unknown")
                .text("verdict", "What may be said")
                .text("single_site", "The one task force")
                .number("prosecution_difference", "Prosecution: difference in mean site rate")
                .pValue("prosecution_p", "Exact permutation p (prosecution)")
                .pValue("prosecution_holm_p", "Holm-adjusted p (prosecution)")
                .number("charge_difference", "Trafficking charge: difference in mean site rate")
                .pValue("charge_p", "Exact permutation p (trafficking charge)")
                .pValue("charge_holm_p", "Holm-adjusted p (trafficking charge)")
                .pValue("smallest_p", "Smallest attainable p (this split)");
        List<String> statements = new ArrayList<>();
        List<Feature> features = Feature.standard(median);
        List<Object[]> pending = new ArrayList<>();
        List<Double> family = new ArrayList<>();
        for (Feature f : features) {
            boolean[] with = new boolean[data.taskForces().size()];
            boolean[] without = new boolean[data.taskForces().size()];
            List<TaskForce> withSites = new ArrayList<>();
            List<TaskForce> withoutSites = new ArrayList<>();
            for (TaskForce t : sites) {
                int g = f.group().applyAsInt(t);
                if (g == 1) {
                    with[t.index()] = true;
                    withSites.add(t);
                } else if (g == 0) {
                    without[t.index()] = true;
                    withoutSites.add(t);
                }
            }
            int nWith = withSites.size();
            int nWithout = withoutSites.size();
            Object[][] rows = {{f.with(), with, nWith}, {f.without(), without, nWithout}};
            for (Object[] r : rows) {
                boolean[] in = (boolean[]) r[1];
                long cases = 0;
                for (int k = 0; k < in.length; k++) cases += in[k] ? casesBySite[k] : 0;
                List<OutcomeCells> cells = new ArrayList<>();
                for (GroupedShares o : outcomes) {
                    Share s = o.sum(k -> in[k]);
                    cells.add(OutcomeCells.of(s, Intervals.wilson(s, conf)));
                }
                fb.add(new FeatureRow(f.name(), (String) r[0], (Integer) r[2], cases, cells.get(0), cells.get(1)));
            }
            int unknown = sites.size() - nWith - nWithout;
            Verdict v = Verdict.of(nWith, nWithout, settings.sitesPerArm());
            String single = v == Verdict.ONE_SITE
                    ? (nWith == 1 ? withSites : withoutSites).get(0).id()
                    : null;
            Double smallest =
                    nWith > 0 && nWithout > 0 ? SitePermutationTest.smallestAttainable(nWith, nWith + nWithout) : null;
            double[] diff = new double[OUTCOMES.size()];
            double[] p = new double[OUTCOMES.size()];
            java.util.Arrays.fill(diff, Double.NaN);
            java.util.Arrays.fill(p, Double.NaN);
            if (nWith > 0 && nWithout > 0) {
                for (int o = 0; o < OUTCOMES.size(); o++) {
                    List<TaskForce> both = new ArrayList<>(withSites);
                    both.addAll(withoutSites);
                    GroupedShares g = outcomes.get(o);
                    List<TaskForce> rated = both.stream()
                            .filter(t -> g.share(t.index()).trials() > 0)
                            .toList();
                    double[] rate = rated.stream()
                            .mapToDouble(t -> g.share(t.index()).proportion())
                            .toArray();
                    boolean[] arm = new boolean[rated.size()];
                    int armN = 0;
                    for (int k = 0; k < arm.length; k++) {
                        arm[k] = with[rated.get(k).index()];
                        if (arm[k]) armN++;
                    }
                    if (armN == 0 || armN == arm.length) continue;
                    SitePermutationTest.Result res = SitePermutationTest.test(rate, arm);
                    diff[o] = res.difference();
                    if (v == Verdict.TESTED
                            && Verdict.of(armN, arm.length - armN, settings.sitesPerArm()) == Verdict.TESTED)
                        p[o] = res.p();
                }
            }
            for (double x : p) family.add(x);
            pending.add(new Object[] {f, nWith, nWithout, unknown, v, single, diff, p, smallest});
        }
        double[] all = family.stream().mapToDouble(Double::doubleValue).toArray();
        double[] holm = Adjustment.HOLM.adjust(all);
        int k = 0;
        for (Object[] r : pending) {
            Feature f = (Feature) r[0];
            int nWith = (Integer) r[1];
            int nWithout = (Integer) r[2];
            Verdict v = (Verdict) r[4];
            double[] diff = (double[]) r[6];
            double[] p = (double[]) r[7];
            Double smallest = (Double) r[8];
            boolean site = v == Verdict.ONE_SITE;
            lb.add(new SiteLevelRow(
                    f.name(),
                    nWith,
                    nWithout,
                    (Integer) r[3],
                    v.words(),
                    (String) r[5],
                    diff[0],
                    p[0],
                    holm[k],
                    diff[1],
                    p[1],
                    holm[k + 1],
                    site ? null : smallest));
            k += 2;
            statements.add(
                    featureSentence(f.name(), nWith, nWithout, v, (String) r[5], smallest, settings.sitesPerArm()));
        }
        fb.note("Size splits at the median membership (TF_N_MEMBERS) of the task forces with cases: "
                + String.format(Locale.ROOT, "%.0f", median) + " members. " + settings.confidenceLabel()
                + " Wilson intervals of the cases of each group, which treat cases as independent: descriptions, not tests. "
                + "The tests are in the task-force-level table.");
        lb.note(
                "Each task force's rate is the share of its own cases with the outcome; the test enumerates every way to "
                        + "assign the task forces to the two arms (exact permutation test, two-sided, difference in mean rate). "
                        + "A feature is tested only with at least " + settings.sitesPerArm()
                        + " task forces in each arm; Holm's adjustment runs over every p-value in this table ("
                        + family.stream().filter(x -> !x.isNaN()).count() + " tests).");
        ResultTable.Builder<StatementRow> st = ResultTable.builder(
                        STATEMENT, "What these task forces can and cannot show")
                .text("statement", "Statement");
        for (String s : statement(sites.size(), data.taskForces().size())) st.add(new StatementRow(s));
        statements.forEach(s -> st.add(new StatementRow(s)));
        return new AnalysisResult(
                ID,
                title(),
                "Shares of cases prosecuted and charged under a trafficking statute in task forces with and without "
                        + "each feature (described with " + settings.confidenceLabel()
                        + " Wilson intervals), and an exact permutation test on the task forces' own rates, with the "
                        + "smallest p-value each split can reach and Holm-adjusted p-values; features with fewer than "
                        + settings.sitesPerArm() + " task forces in an arm are described only.",
                List.of(fb.build(), lb.build(), st.build()),
                statement(sites.size(), data.taskForces().size()));
    }

    /** The sentence on one feature, generated from its row of the task-force-level table. */
    public static String featureSentence(
            String feature, int with, int without, Verdict v, String single, Double smallest, int perArm) {
        switch (v) {
            case NO_CONTRAST:
                return feature + ": all " + (with + without)
                        + " task forces with a known value fall on one side, so this study cannot compare them.";
            case ONE_SITE:
                // the task force is named in the task-force-level table (single_site), not in sentences that
                // documents for other task forces may quote
                return feature + ": one task force is alone on its side (" + with + " against " + without
                        + "), so any difference is that task force's own effect and gets no p-value.";
            case DESCRIPTIVE:
                return String.format(
                        Locale.ROOT,
                        "%s (%d against %d task forces): fewer than %d task forces in an arm, so the difference is described, not tested; "
                                + "the smallest p-value an exact test could reach for this split is %s.",
                        feature,
                        with,
                        without,
                        perArm,
                        pValue(smallest));
            default:
                return String.format(
                        Locale.ROOT,
                        "%s (%d against %d task forces): the smallest p-value an exact task-force-level test can reach for this split is %s.",
                        feature,
                        with,
                        without,
                        pValue(smallest));
        }
    }

    /** A p-value as the sentences print it: three decimals, or "< 0.001". */
    public static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
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
                            + "every other doing badly, would give an exact task-force-level test a two-sided p-value of %.3f for an even %d-%d split "
                            + "(each feature's own split and its smallest attainable p-value are in the task-force-level table); "
                            + "with %d sites no feature can be shown to matter unless its effect is large and consistent.",
                    SitePermutationTest.smallestAttainable(half, sites),
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
