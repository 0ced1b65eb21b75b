package org.tfeval.report.technical;

import java.util.List;
import java.util.Locale;

/**
 * The tests behind the methods the report names: for each estimator, the test in the tfeval source
 * that checks it and the oracle it is checked against (an R script beside its fixture, or a published
 * example). Printed in an appendix, listed when the methods text names the estimator.
 */
final class Verification {
    /**
     * A promise of the methods section and its test.
     *
     * @param method what is checked
     * @param test   the test, a path in the tfeval source tree
     * @param oracle what it is checked against
     * @param cue    a word of the methods text (lower case) that names the method
     */
    record Check(String method, String test, String oracle, String cue) {}

    static final String STATS_TESTS = "stats/src/test/java/org/tfeval/stats/";

    static final List<Check> ALL = List.of(
            new Check(
                    "Wilson and Clopper-Pearson intervals, Newcombe differences",
                    STATS_TESTS + "proportion/ProportionReferenceTest.java",
                    "R prop.test and binom.test; Newcombe (1998), Table II",
                    "wilson"),
            new Check(
                    "Design-based shares (task force as the cluster, weights)",
                    STATS_TESTS + "survey/ClusterMeanReferenceTest.java",
                    "R survey: svymean, svyciprop (make_survey_fixtures.R beside its fixture)",
                    "design-based"),
            new Check(
                    "Firth's penalized logistic regression",
                    STATS_TESTS + "regression/FirthReferenceTest.java",
                    "R brglm2 (AS_mean)",
                    "firth"),
            new Check(
                    "Firth on quasi-separated data",
                    STATS_TESTS + "regression/FirthQuasiSeparationTest.java",
                    "R optim with Newton polish (make_firth_labor_fixture.R)",
                    "firth"),
            new Check(
                    "Cluster-robust CR2 standard errors with Satterthwaite df",
                    STATS_TESTS + "robust/ClusterRobustReferenceTest.java",
                    "R sandwich::vcovCL and clubSandwich::coef_test",
                    "cr2"),
            new Check(
                    "Wild cluster bootstrap (Rademacher, enumerated)",
                    STATS_TESTS + "robust/WildClusterBootstrapTest.java",
                    "a naive R refit over every sign pattern (make_wild_fixtures.R)",
                    "wild"),
            new Check(
                    "Wild cluster bootstrap with few clusters (Webb's six-point weights)",
                    STATS_TESTS + "robust/FewClusterBootstrapTest.java",
                    "an R reference implementation enumerating every weight pattern (make_few_cluster_fixtures.R)",
                    "wild"),
            new Check(
                    "Holm and Benjamini-Hochberg adjusted p-values",
                    STATS_TESTS + "multiplicity/AdjustmentReferenceTest.java",
                    "R p.adjust (make_adjust_fixtures.R)",
                    "holm"),
            new Check(
                    "Exact task-force-level permutation tests and the smallest attainable p-value",
                    STATS_TESTS + "permutation/SitePermutationTestReferenceTest.java",
                    "an independent R enumeration with combn (make_permutation_fixtures.R)",
                    "permutation"),
            new Check(
                    "Random-intercept logistic models",
                    STATS_TESTS + "mixed/GlmmReferenceTest.java",
                    "R lme4::glmer",
                    "random-intercept"),
            new Check(
                    "Kaplan-Meier estimates and log-rank tests",
                    STATS_TESTS + "survival/KaplanMeierReferenceTest.java",
                    "R survival::survfit and survdiff",
                    "kaplan-meier"),
            new Check(
                    "Median survival and its interval",
                    STATS_TESTS + "survival/MedianSurvivalTest.java",
                    "R summary(survfit) (make_median_fixtures.R)",
                    "median"));

    private Verification() {}

    /** The checks the methods text names. */
    static List<Check> namedBy(String methodsText) {
        String m = methodsText.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(c -> m.contains(c.cue())).toList();
    }
}
