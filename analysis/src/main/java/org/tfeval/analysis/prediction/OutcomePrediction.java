package org.tfeval.analysis.prediction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.design.Grouping;
import org.tfeval.stats.frame.Column;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.frame.NumericColumn;
import org.tfeval.stats.mixed.GlmmFit;
import org.tfeval.stats.mixed.RandomInterceptLogit;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.multiplicity.Adjustment;
import org.tfeval.stats.regression.Family;
import org.tfeval.stats.regression.FirthFit;
import org.tfeval.stats.regression.FirthLogisticRegression;
import org.tfeval.stats.regression.GeneralizedLinearModel;
import org.tfeval.stats.regression.GlmFit;
import org.tfeval.stats.regression.IntervalType;
import org.tfeval.stats.regression.Separation;
import org.tfeval.stats.robust.ClusterCovariance;
import org.tfeval.stats.robust.ClusterRobust;
import org.tfeval.stats.robust.RobustFit;
import org.tfeval.stats.robust.SandwichParts;
import org.tfeval.stats.robust.WildBootstrapFit;
import org.tfeval.stats.robust.WildClusterBootstrap;

/**
 * What predicts prosecution and a trafficking charge
 * of a case ({@link StudyData#CASE_PROSECUTION}, {@link StudyData#CASE_HT_CHARGE}): logistic models of case characteristics and task-force
 * features ({@link Predictor#standard()}). Small-sample methods by default: Firth's penalized
 * estimates (stats: {@link FirthLogisticRegression}) with penalized profile-likelihood intervals,
 * CR2 cluster-robust standard errors by task force with Satterthwaite degrees of freedom (stats:
 * {@link ClusterRobust}), wild cluster (score) bootstrap p-values by task force (stats:
 * {@link WildClusterBootstrap}; all sign patterns when there are few task forces), and, as a sensitivity analysis, a random-intercept logistic model by
 * task force (stats: {@link RandomInterceptLogit}, Laplace). Predictors that do not vary, or
 * task-force features that split the sites the same way as an earlier one, are left out and named.
 */
public final class OutcomePrediction implements Analysis {
    /** Analysis id. */
    public static final String ID = "prediction";
    /** Above this many cases, Firth intervals are Wald instead of profile likelihood (which needs many refits). */
    public static final int PROFILE_MAX_ROWS = 20_000;
    /** The outcomes modelled: variable, table id, words. */
    public static final List<String[]> OUTCOMES = List.of(
            new String[] {StudyData.CASE_PROSECUTION, "prosecution", "Prosecution"},
            new String[] {StudyData.CASE_HT_CHARGE, "trafficking_charge", "Trafficking charge"});
    /** Above this many cases the wild cluster bootstrap is skipped (each p-value needs restricted refits); CR1/CR2 stand. */
    public static final int WILD_BOOTSTRAP_MAX_ROWS = 100_000;
    /**
     * Above this many cases the small-sample machinery has nothing left to correct and costs minutes:
     * estimates are ordinary maximum likelihood with Wald intervals (Firth's bias correction is of
     * order 1/n) and the random-intercept sensitivity model is not fitted; both are said in the results.
     */
    public static final int LARGE_SAMPLE_ROWS = 200_000;

    static final String SITE = "site";
    static final String Y = "outcome";

    /** An outcome model: its cases, events, task forces, cases left out, how it was estimated and what was left out. */
    public record ModelRow(
            String outcome,
            long cases,
            long events,
            long taskForces,
            long leftOut,
            String estimates,
            String robust,
            Double glmmSd,
            String separation,
            String predictorsLeftOut,
            String status) {}

    /** A term of an outcome model: odds ratio with its interval, robust and bootstrap inference, and the random-intercept estimate. */
    public record CoefficientRow(
            String term,
            String label,
            Double oddsRatio,
            Double orLow,
            Double orHigh,
            Double robustSe,
            Double robustDf,
            Double robustLow,
            Double robustHigh,
            Double robustP,
            Double wildBootstrapP,
            Double glmmOddsRatio,
            Double glmmLow,
            Double glmmHigh,
            Double glmmP,
            Double robustHolmP,
            Double wildBootstrapHolmP) {}

    public static final TableKey<ModelRow> MODELS = TableKey.of("models", ModelRow.class);

    /** The coefficient table of an outcome (its table id in {@link #OUTCOMES}). */
    public static TableKey<CoefficientRow> coefficients(String outcomeTable) {
        return TableKey.of(outcomeTable, CoefficientRow.class);
    }

    @Override
    public List<TableKey<?>> tables() {
        List<TableKey<?>> out = new ArrayList<>();
        out.add(MODELS);
        OUTCOMES.forEach(o -> out.add(coefficients(o[1])));
        return out;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "What predicts prosecution and a trafficking charge";
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        List<ResultTable<?>> tables = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ResultTable.Builder<ModelRow> models = ResultTable.builder(MODELS, "The outcome models")
                .text("outcome", "Outcome")
                .count("cases", "Cases")
                .count("events", "With the outcome")
                .count("task_forces", "Task forces")
                .count("left_out", "Cases left out (missing values)")
                .text("estimates", "Estimates")
                .text("robust", "Robust inference")
                .number("glmm_sd", "Random-intercept SD (sensitivity)")
                .text("separation", "Separation")
                .text("predictors_left_out", "Predictors left out")
                .text("status", "Reported as a finding?");
        // the outcomes' models are independent: fit them side by side
        List<Model> fitted = OUTCOMES.parallelStream()
                .map(o -> fitOrRefuse(data, settings, o[0]))
                .toList();
        for (int k = 0; k < OUTCOMES.size(); k++) {
            String[] o = OUTCOMES.get(k);
            Model m = fitted.get(k);
            String prefix = o[2] + ": ";
            m.warnings.forEach(w -> warnings.add(prefix + w));
            models.add(new ModelRow(
                    o[2],
                    m.n,
                    m.events,
                    m.clusters,
                    m.leftOut,
                    m.estimates,
                    m.robust,
                    m.glmmSd,
                    m.separation,
                    String.join("; ", m.dropped),
                    m.notFinding.isEmpty() ? REPORTED : NOT_A_FINDING + String.join("; ", m.notFinding)));
            tables.add(coefficients(o[1], o[2], m, settings));
        }
        tables.add(0, models.build());
        int sites = data.sitesWithCases().size();
        if (sites < settings.fewSites()) {
            warnings.add(
                    0,
                    "Only " + sites + " task forces: cluster-robust standard errors and bootstrap p-values rest on "
                            + sites
                            + " clusters, fewer than the " + settings.fewSites()
                            + " below which even small-sample corrections are unreliable; "
                            + "the task-force features are compared across " + sites
                            + " sites and cannot be separated from anything else "
                            + "that distinguishes those sites.");
        }
        return new AnalysisResult(
                ID,
                title(),
                "Logistic regression of each case outcome on case characteristics and task-force features: "
                        + "Firth's penalized maximum likelihood (bias-reduced, finite under separation) with penalized profile-likelihood "
                        + settings.confidenceLabel() + " intervals (Wald above " + PROFILE_MAX_ROWS
                        + " cases); CR2 cluster-robust standard errors by "
                        + "task force with Satterthwaite degrees of freedom; wild cluster score bootstrap p-values (Kline and Santos) by task force; a random-intercept logistic model (Laplace) by task force as a sensitivity "
                        + "analysis. Odds ratios are exp(coefficient). Above " + LARGE_SAMPLE_ROWS
                        + " cases: maximum likelihood and no random-intercept model.",
                tables,
                warnings);
    }

    /** One fitted outcome model, flattened for the tables. */
    static final class Model {
        int n;
        int events;
        int clusters;
        int leftOut;
        String estimates = "";
        String robust = "";
        Double glmmSd;
        String separation = "none";
        List<String> dropped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Predictor> used = new ArrayList<>();
        List<String> terms = List.of();
        List<Coefficient> coefficients = List.of();
        RobustFit robustFit;
        WildBootstrapFit wild;
        GlmmFit glmm;
        /** Site-level terms held (or lacked) by one task force: term to that task force's ID; no p-value. */
        java.util.Map<String, String> oneSite = new java.util.LinkedHashMap<>();
        /** Why the model is not reported as a finding (empty: it is). */
        List<String> notFinding = new ArrayList<>();
        /** Whether the estimates are meaningless (not converged, singular): not printed at all. */
        boolean withheld;
    }

    /** Status of a model reported as a finding. */
    public static final String REPORTED = "Reported";
    /** Status prefix of a model that is not a finding; the reasons follow. */
    public static final String NOT_A_FINDING = "Not a finding: ";
    /**
     * A random-intercept odds ratio beyond e^this (or below e^-this) is taken as a failed fit, whatever the
     * optimizer says: |log odds| of 20 is an odds ratio of 485 million.
     */
    public static final double ABSURD_LOG_ODDS = 20;
    /** Terms of task-force features: identified between task forces, answered at the task-force level. */
    public static final String SITE_TERM_PREFIX = "tf_";

    /** {@link #fit}, or a model that says why it could not be fitted (singular design): never a whole-analysis failure. */
    static Model fitOrRefuse(StudyData data, AnalysisSettings settings, String outcome) {
        try {
            return fit(data, settings, outcome);
        } catch (InvalidInputException e) {
            Model m = new Model();
            var y = data.cases().code(outcome);
            for (int i = 0; i < y.size(); i++) {
                if (data.cases().site(i) < 0) continue;
                if (y.get(i) == 1) m.events++;
                if (y.get(i) == 0 || y.get(i) == 1) m.n++;
            }
            m.clusters = data.sitesWithCases().size();
            m.withheld = true;
            m.notFinding.add("the model could not be fitted (" + e.getMessage() + ")");
            m.warnings.add("Not reported as a finding: " + m.notFinding.get(0) + ".");
            return m;
        }
    }

    static Model fit(StudyData data, AnalysisSettings settings, String outcome) {
        FormData c = data.cases();
        var y = c.code(outcome);
        List<Predictor> candidates = new ArrayList<>(Predictor.standard());
        List<double[]> values = new ArrayList<>();
        for (Predictor p : candidates) {
            IntToDoubleFunction f = p.value().apply(data);
            double[] v = new double[c.rows()];
            for (int i = 0; i < v.length; i++) v[i] = f.applyAsDouble(i);
            values.add(v);
        }
        double[] yv = new double[c.rows()];
        double[] site = new double[c.rows()];
        for (int i = 0; i < yv.length; i++) {
            yv[i] = y.get(i) == 0 || y.get(i) == 1 ? y.get(i) : Double.NaN;
            site[i] = c.site(i) < 0 ? Double.NaN : c.site(i);
        }
        Model m = new Model();
        boolean[] complete = new boolean[c.rows()];
        for (int i = 0; i < complete.length; i++) {
            boolean ok = !Double.isNaN(yv[i]) && !Double.isNaN(site[i]);
            for (double[] v : values) ok &= !Double.isNaN(v[i]);
            complete[i] = ok;
        }
        List<Integer> keep = new ArrayList<>();
        Set<String> sitePartitions = new HashSet<>();
        for (int k = 0; k < candidates.size(); k++) {
            Predictor p = candidates.get(k);
            double[] v = values.get(k);
            if (!varies(v, complete)) {
                m.dropped.add(p.term() + " (does not vary)");
            } else if (p.siteLevel()) {
                String part = partition(v, site, complete);
                String complement = partition(flip(v), site, complete);
                if (sitePartitions.contains(part) || sitePartitions.contains(complement)) {
                    m.dropped.add(p.term() + " (splits the task forces as an earlier feature does)");
                } else {
                    sitePartitions.add(part);
                    keep.add(k);
                    // a feature held (or lacked) by one task force is that task force's fixed effect
                    java.util.Map<Integer, Double> bySite = new java.util.TreeMap<>();
                    for (int i = 0; i < v.length; i++) if (complete[i]) bySite.put((int) site[i], v[i]);
                    long ones = bySite.values().stream().filter(x -> x == 1).count();
                    long zeros = bySite.size() - ones;
                    if (ones == 1 || zeros == 1) {
                        double lone = ones == 1 ? 1 : 0;
                        int idx = bySite.entrySet().stream()
                                .filter(e -> e.getValue() == lone)
                                .findFirst()
                                .orElseThrow()
                                .getKey();
                        m.oneSite.put(p.term(), data.taskForces().get(idx).id());
                    }
                }
            } else {
                keep.add(k);
            }
        }
        while (true) {
            List<Column> cols = new ArrayList<>();
            cols.add(new NumericColumn(Y, yv));
            cols.add(new NumericColumn(SITE, site));
            List<String> terms = new ArrayList<>();
            for (int k : keep) {
                cols.add(new NumericColumn(candidates.get(k).term(), values.get(k)));
                terms.add(candidates.get(k).term());
            }
            DataFrame frame = DataFrame.of(cols);
            String formula = Y + " ~ " + (terms.isEmpty() ? "1" : String.join(" + ", terms));
            Design design = DesignBuilder.of(formula).withRequiredColumn(SITE).build(frame);
            try {
                estimate(m, design, frame, settings);
                assess(m, settings);
                m.used = keep.stream().map(candidates::get).toList();
                m.leftOut = design.droppedRows();
                return m;
            } catch (InvalidInputException e) {
                int last = lastSiteLevel(keep, candidates);
                if (last < 0) throw e;
                m.dropped.add(candidates.get(keep.get(last)).term() + " (collinear with the other predictors)");
                keep.remove(last);
            }
        }
    }

    private static int lastSiteLevel(List<Integer> keep, List<Predictor> candidates) {
        for (int j = keep.size() - 1; j >= 0; j--) {
            if (candidates.get(keep.get(j)).siteLevel()) return j;
        }
        return -1;
    }

    private static void estimate(Model m, Design design, DataFrame frame, AnalysisSettings settings) {
        double conf = settings.confidence();
        int n = design.rows();
        boolean large = n > LARGE_SAMPLE_ROWS;
        m.n = n;
        double[] yy = design.y();
        int ev = 0;
        for (double v : yy) ev += v == 1 ? 1 : 0;
        m.events = ev;
        SandwichParts parts;
        List<FitWarning> fitWarnings;
        Separation separation;
        if (large) {
            GlmFit ml = GeneralizedLinearModel.logistic().withConfidence(conf).fit(design);
            m.terms = ml.terms();
            m.coefficients = ml.coefficients();
            parts = SandwichParts.of(design, ml);
            fitWarnings = ml.warnings();
            separation = ml.separation();
            m.estimates = "maximum likelihood, Wald intervals (" + n + " cases: Firth's correction is negligible)";
            m.warnings.add(n + " cases: estimates are ordinary maximum likelihood (above " + LARGE_SAMPLE_ROWS
                    + " cases Firth's correction, of "
                    + "order 1/n, changes nothing) and the random-intercept sensitivity model is not fitted.");
        } else {
            IntervalType intervals = n <= PROFILE_MAX_ROWS ? IntervalType.PROFILE_LIKELIHOOD : IntervalType.WALD;
            FirthFit firth = FirthLogisticRegression.create()
                    .withConfidence(conf)
                    .withIntervals(intervals)
                    .fit(design);
            m.terms = firth.terms();
            m.coefficients = firth.coefficients();
            parts = parts(design, firth);
            fitWarnings = firth.warnings();
            separation = firth.separation();
            m.estimates = intervals == IntervalType.PROFILE_LIKELIHOOD
                    ? "Firth, profile-likelihood intervals"
                    : "Firth, Wald intervals";
        }
        for (FitWarning w : fitWarnings) {
            if (!w.code().equals(FitWarning.ROWS_DROPPED)) m.warnings.add(w.message());
        }
        if (separation != null) {
            m.separation = (separation.complete() ? "complete" : "quasi-complete") + " separation by "
                    + String.join(", ", separation.terms());
            m.warnings.add("The outcome is " + m.separation
                    + ": ordinary maximum likelihood estimates would be infinite"
                    + (large ? "." : "; Firth's estimates are finite but rest on little information for those terms."));
        }
        Grouping groups = Grouping.of(frame, SITE, design);
        m.clusters = groups.count();
        if (groups.count() >= 2) {
            int largest = java.util.Arrays.stream(groups.sizes()).max().orElse(0);
            ClusterCovariance type =
                    largest <= ClusterRobust.CR2_MAX_CLUSTER_ROWS ? ClusterCovariance.CR2 : ClusterCovariance.CR1;
            if (type != ClusterCovariance.CR2)
                m.warnings.add("A task force has " + largest + " cases, more than CR2 handles ("
                        + ClusterRobust.CR2_MAX_CLUSTER_ROWS + "); CR1 standard errors are used instead.");
            RobustFit robust = ClusterRobust.of(type).withConfidence(conf).estimate(parts, groups);
            m.robustFit = robust;
            m.robust = robust.describe();
            if (n <= WILD_BOOTSTRAP_MAX_ROWS) {
                try {
                    m.wild = WildClusterBootstrap.create()
                            .withDraws(settings.bootstrapReplications())
                            .withSeed(settings.seed())
                            .withConfidence(conf)
                            .glm(design, groups, Family.BINOMIAL_LOGIT);
                    m.robust += "; " + m.wild.describe();
                    m.wild.warnings().forEach(w -> m.warnings.add("Wild cluster bootstrap: " + w.message()));
                } catch (InvalidInputException | IllegalStateException e) {
                    m.warnings.add("The wild cluster bootstrap could not be run: " + e.getMessage());
                }
            } else {
                m.warnings.add(n
                        + " cases: the wild cluster bootstrap (restricted refits for every coefficient) is skipped above "
                        + WILD_BOOTSTRAP_MAX_ROWS + " cases; cluster-robust p-values stand.");
            }
            if (!large) {
                try {
                    GlmmFit g =
                            RandomInterceptLogit.laplace().withConfidence(conf).fit(design, groups);
                    m.glmm = g;
                    m.glmmSd = g.randomInterceptSd();
                    for (FitWarning w : g.warnings()) {
                        if (!w.code().equals(FitWarning.ROWS_DROPPED))
                            m.warnings.add("Random-intercept model: " + w.message());
                    }
                } catch (InvalidInputException | IllegalStateException e) {
                    m.warnings.add("The random-intercept model could not be fitted: " + e.getMessage());
                }
            }
        } else {
            m.warnings.add(
                    "All cases come from one task force: no cluster-robust inference or random-intercept model.");
        }
    }

    /**
     * Decides whether a fitted model may be reported as a finding: not when the fit did not converge or is
     * singular (then its estimates are withheld), nor with fewer events of the rarer outcome per estimated
     * coefficient than {@link AnalysisSettings#eventsPerParameter()}. A random-intercept fit that did not
     * converge, sits at a boundary or gives an absurd odds ratio is withheld on its own.
     */
    static void assess(Model m, AnalysisSettings settings) {
        if (m.terms.isEmpty()) return;
        boolean notConverged = m.warnings.stream()
                .anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("converge")
                        && !w.startsWith("Random-intercept")
                        && !w.startsWith("Wild cluster"));
        boolean singular =
                m.coefficients.stream().anyMatch(c -> !Double.isFinite(c.estimate()) || !Double.isFinite(c.stdError()));
        if (notConverged) m.notFinding.add("the fit did not converge");
        if (singular) m.notFinding.add("the fit is singular (an estimate or standard error is not finite)");
        m.withheld = notConverged || singular;
        int parameters = Math.max(1, m.terms.size() - 1);
        int rarer = Math.min(m.events, m.n - m.events);
        double epv = (double) rarer / parameters;
        if (epv < settings.eventsPerParameter())
            m.notFinding.add(String.format(
                    Locale.ROOT,
                    "%.1f events of the rarer outcome per coefficient (%d over %d), fewer than %d",
                    epv,
                    rarer,
                    parameters,
                    settings.eventsPerParameter()));
        if (m.glmm != null) {
            String why = null;
            boolean keepSd = false;
            if (!m.glmm.converged()
                    || m.glmm.warnings().stream().anyMatch(w -> w.code().equals(FitWarning.NOT_CONVERGED)))
                why = "did not converge";
            else if (m.glmm.coefficients().stream()
                    .anyMatch(c -> !Double.isFinite(c.estimate())
                            || Math.abs(c.estimate()) > ABSURD_LOG_ODDS
                            || !Double.isFinite(c.stdError())))
                why = "gave a non-finite or absurd estimate (|log odds| > " + (int) ABSURD_LOG_ODDS + ")";
            else if (m.glmm.warnings().stream().anyMatch(w -> w.code().equals(FitWarning.BOUNDARY_VARIANCE))) {
                why =
                        "is singular (random-intercept SD at the boundary, zero); its SD is shown, its odds ratios are not";
                keepSd = true;
            }
            if (why != null) {
                m.warnings.add("Random-intercept model not reported: it " + why + ".");
                m.glmm = null;
                if (!keepSd) m.glmmSd = null;
            }
        }
        if (!m.notFinding.isEmpty())
            m.warnings.add("Not reported as a finding: " + String.join("; ", m.notFinding) + ".");
    }

    /** The sandwich inputs at the Firth estimate: working variance mu(1-mu), residuals y - mu, bread = inverse information. */
    static SandwichParts parts(Design design, FirthFit fit) {
        int n = design.rows();
        double[] b = fit.estimates();
        double[][] x = design.columns();
        double[] v = new double[n];
        double[] e = new double[n];
        double[] y = design.y();
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < b.length; j++) eta += x[j][i] * b[j];
            double mu = 1 / (1 + Math.exp(-eta));
            v[i] = mu * (1 - mu);
            e[i] = y[i] - mu;
        }
        return new SandwichParts("firth-logit", fit.terms(), b, x, v, e, fit.covariance(), true);
    }

    private static ResultTable<CoefficientRow> coefficients(
            String id, String outcome, Model m, AnalysisSettings settings) {
        ResultTable.Builder<CoefficientRow> b = ResultTable.builder(
                        coefficients(id), outcome + ": odds ratios of case characteristics and task-force features")
                .text("term", "Term")
                .text("label", "Predictor")
                .number("odds_ratio", "Odds ratio")
                .number("or_low", "CI low")
                .number("or_high", "CI high")
                .number("robust_se", "Robust SE (log odds)")
                .number("robust_df", "df")
                .number("robust_low", "Robust CI low")
                .number("robust_high", "Robust CI high")
                .pValue("robust_p", "Robust p")
                .pValue("wild_bootstrap_p", "Wild cluster bootstrap p")
                .number("glmm_odds_ratio", "Odds ratio (random intercept)")
                .number("glmm_low", "CI low")
                .number("glmm_high", "CI high")
                .pValue("glmm_p", "p (random intercept)")
                .pValue("robust_holm_p", "Robust p, Holm-adjusted")
                .pValue("wild_bootstrap_holm_p", "Wild bootstrap p, Holm-adjusted");
        double[] robustP = new double[m.terms.size()];
        double[] wildP = new double[m.terms.size()];
        for (int j = 0; j < m.terms.size(); j++) {
            String term = m.terms.get(j);
            boolean screened = !term.equals(DesignBuilder.INTERCEPT) && !m.withheld && !m.oneSite.containsKey(term);
            Coefficient r =
                    m.robustFit == null ? null : m.robustFit.coefficients().get(j);
            Double w = wildP(m, term);
            robustP[j] = screened && r != null && Double.isFinite(r.pValue()) ? r.pValue() : Double.NaN;
            wildP[j] = screened && w != null && Double.isFinite(w) ? w : Double.NaN;
        }
        double[] robustHolm = Adjustment.HOLM.adjust(robustP);
        double[] wildHolm = Adjustment.HOLM.adjust(wildP);
        for (int j = 0; j < m.terms.size(); j++) {
            String term = m.terms.get(j);
            String label = term.equals(DesignBuilder.INTERCEPT)
                    ? "Intercept (baseline odds)"
                    : m.used.stream()
                            .filter(p -> p.term().equals(term))
                            .map(Predictor::label)
                            .findFirst()
                            .orElse(term);
            Coefficient f = m.coefficients.get(j);
            Coefficient r =
                    m.robustFit == null ? null : m.robustFit.coefficients().get(j);
            Coefficient g = m.glmm == null ? null : m.glmm.coefficients().get(j);
            if (m.oneSite.containsKey(term) && !m.withheld) {
                b.add(new CoefficientRow(
                        term,
                        label,
                        Math.exp(f.estimate()),
                        Math.exp(f.ciLow()),
                        Math.exp(f.ciHigh()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
                continue;
            }
            if (m.withheld) {
                b.add(new CoefficientRow(
                        term, label, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null));
                continue;
            }
            b.add(new CoefficientRow(
                    term,
                    label,
                    Math.exp(f.estimate()),
                    Math.exp(f.ciLow()),
                    Math.exp(f.ciHigh()),
                    r == null ? null : r.stdError(),
                    r == null ? null : (Double) (double) r.df(),
                    r == null ? null : Math.exp(r.ciLow()),
                    r == null ? null : Math.exp(r.ciHigh()),
                    r == null ? null : r.pValue(),
                    wildP(m, term),
                    g == null ? null : Math.exp(g.estimate()),
                    g == null ? null : Math.exp(g.ciLow()),
                    g == null ? null : Math.exp(g.ciHigh()),
                    g == null ? null : g.pValue(),
                    robustHolm[j],
                    wildHolm[j]));
        }
        m.oneSite.forEach(
                (t, tf) -> b.note(
                        t + " is held or lacked by one task force (" + tf
                                + "): its coefficient is that task force's own effect (a site fixed effect), not the feature's, and gets no p-value."));
        if (m.withheld) b.note("Estimates withheld: " + String.join("; ", m.notFinding) + ".");
        else if (!m.notFinding.isEmpty()) b.note(NOT_A_FINDING + String.join("; ", m.notFinding) + ".");
        b.note("Holm-adjusted p-values run over the "
                + java.util.Arrays.stream(robustP).filter(x -> !Double.isNaN(x)).count()
                + " coefficients of this table other than the intercept (robust and wild bootstrap separately). "
                + "Task-force features (terms " + SITE_TERM_PREFIX
                + "...) vary only between task forces: the task-force comparison tests them at that level.");
        b.note(String.format(
                Locale.ROOT,
                "%d cases (%d with the outcome) in %d task forces; %d left out for missing values.",
                m.n,
                m.events,
                m.clusters,
                m.leftOut));
        if (!m.dropped.isEmpty()) b.note("Predictors left out: " + String.join("; ", m.dropped) + ".");
        b.note("Robust: " + m.robust + ". The random-intercept model is a sensitivity analysis.");
        return b.build();
    }

    private static Double wildP(Model m, String term) {
        if (m.wild == null) return null;
        return m.wild.coefficients().stream()
                .filter(c -> c.term().equals(term))
                .map(Coefficient::pValue)
                .filter(p -> !Double.isNaN(p))
                .findFirst()
                .orElse(null);
    }

    private static boolean varies(double[] v, boolean[] complete) {
        double first = Double.NaN;
        for (int i = 0; i < v.length; i++) {
            if (!complete[i]) continue;
            if (Double.isNaN(first)) first = v[i];
            else if (v[i] != first) return true;
        }
        return false;
    }

    private static String partition(double[] v, double[] site, boolean[] complete) {
        java.util.TreeMap<Integer, Double> bySite = new java.util.TreeMap<>();
        for (int i = 0; i < v.length; i++) {
            if (complete[i]) bySite.put((int) site[i], v[i]);
        }
        return bySite.toString();
    }

    private static double[] flip(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = 1 - v[i];
        return out;
    }
}
