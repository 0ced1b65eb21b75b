package org.tfeval.cli.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tfeval.cli.OutputFormat;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.mixed.ModeIteration;
import org.tfeval.stats.model.Coefficient;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.model.ModelSummary;
import org.tfeval.stats.modeling.ModelFitter;
import org.tfeval.stats.modeling.ModelKind;
import org.tfeval.stats.modeling.ModelRequest;
import org.tfeval.stats.regression.IntervalType;
import org.tfeval.stats.robust.ClusterCovariance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tfeval fit}: a regression model on any CSV. */
@Command(
        name = "fit",
        header = "Fit a regression model (OLS, logit, Poisson, Firth, random-intercept logit) to a CSV file.",
        description = {
            "Fit a regression model to a CSV file.",
            "Models: ols, logit, poisson, firth (penalized logit), glmm-logit (random intercept by --group).",
            "Formulas in R notation: \"y ~ x + g + a:b\", \"y ~ a*b\", \"y ~ I(x^2)\", \"y ~ 0 + x\"; text columns are",
            "categorical with the alphabetically first level as reference (change with --ref g=level)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the model was fitted",
            "2:bad input: missing column, unusable outcome, singular design, bad option"
        })
public final class FitCommand extends StatsCommand {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL",
            description = "ols | logit | poisson | firth | glmm-logit")
    String model;

    @Option(names = "--formula", required = true, paramLabel = "FORMULA", description = "e.g. \"y ~ x + g\"")
    String formula;

    @Option(
            names = "--ref",
            paramLabel = "COL=LEVEL",
            description = "Reference level of a categorical predictor (repeatable).")
    Map<String, String> references = new LinkedHashMap<>();

    @Option(
            names = "--categorical",
            split = ",",
            paramLabel = "COL",
            description = "Numeric columns to treat as categorical (comma-separated).")
    java.util.Set<String> categorical = new java.util.LinkedHashSet<>();

    @Option(
            names = "--cluster",
            paramLabel = "COL",
            description = "Cluster column for robust inference (ols, logit, poisson).")
    String cluster;

    @Option(
            names = "--vcov",
            paramLabel = "CR0|CR1|CR2",
            description = "Cluster-robust covariance (default CR2, with Satterthwaite df; CR1 uses Stata's factor).")
    String vcov;

    @Option(
            names = "--bootstrap",
            paramLabel = "wild",
            description = "wild: wild cluster bootstrap by --cluster instead of a sandwich.")
    String bootstrap;

    @Option(
            names = "--reps",
            defaultValue = "999",
            paramLabel = "N",
            description = "Bootstrap draws (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(
            names = "--seed",
            defaultValue = "20240601",
            paramLabel = "S",
            description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--group", paramLabel = "COL", description = "Random-intercept group column (glmm-logit).")
    String group;

    @Option(
            names = "--nagq",
            defaultValue = "1",
            paramLabel = "K",
            description = "Quadrature points for glmm-logit: 1 = Laplace (default), more = adaptive Gauss-Hermite.")
    int nagq;

    @Option(
            names = "--pirls",
            defaultValue = "exact",
            paramLabel = "exact|lme4",
            description =
                    "glmm-logit conditional modes: exact (default) or lme4 (reproduces lme4's default tolPwrss = 1e-7).")
    String pirls;

    @Option(
            names = "--intervals",
            paramLabel = "wald|profile",
            description = "Interval type for logit/poisson (default wald) and firth (default profile).")
    String intervals;

    @Option(
            names = "--conf",
            defaultValue = "0.95",
            paramLabel = "LEVEL",
            description = "Confidence level (default ${DEFAULT-VALUE}).")
    double conf;

    @Override
    String run(DataFrame frame) {
        ModelKind kind = ModelKind.parse(model);
        ModelRequest req = ModelRequest.of(kind, formula)
                .withReferenceLevels(references)
                .withCategorical(categorical)
                .withConfidence(conf);
        if (intervals != null) {
            req = req.withIntervals(
                    switch (intervals.toLowerCase(Locale.ROOT)) {
                        case "wald" -> IntervalType.WALD;
                        case "profile" -> IntervalType.PROFILE_LIKELIHOOD;
                        default ->
                            throw new IllegalArgumentException(
                                    "unknown --intervals '" + intervals + "'; use wald or profile");
                    });
        }
        if (bootstrap != null) {
            if (!bootstrap.equalsIgnoreCase("wild")) {
                throw new IllegalArgumentException("unknown --bootstrap '" + bootstrap + "'; use wild");
            }
            if (cluster == null) {
                throw new IllegalArgumentException("--bootstrap wild needs --cluster");
            }
            if (vcov != null) {
                throw new IllegalArgumentException("use either --vcov or --bootstrap wild, not both");
            }
            req = req.withWildBootstrap(cluster, reps, seed);
        } else if (cluster != null) {
            req = req.withClusterCovariance(cluster, vcov == null ? ClusterCovariance.CR2 : parseVcov(vcov));
        } else if (vcov != null) {
            throw new IllegalArgumentException("--vcov needs --cluster");
        }
        if (group != null) {
            req = req.withGroup(group, nagq)
                    .withModeIteration(
                            switch (pirls.toLowerCase(Locale.ROOT)) {
                                case "exact" -> ModeIteration.EXACT;
                                case "lme4" -> ModeIteration.LME4_PIRLS;
                                default ->
                                    throw new IllegalArgumentException(
                                            "unknown --pirls '" + pirls + "'; use exact or lme4");
                            });
        }
        ModelSummary s = ModelFitter.fit(frame, req);
        List<String> used =
                new ArrayList<>(org.tfeval.stats.design.Formula.parse(formula).columns());
        if (cluster != null) {
            used.add(cluster);
        }
        if (group != null) {
            used.add(group);
        }
        if (outputFormat() == OutputFormat.JSON) {
            Map<String, Object> m = json(s);
            m.put("missing_codes", missingJson(used));
            return Json.write(m);
        }
        return table(s) + missingText(used);
    }

    private static ClusterCovariance parseVcov(String text) {
        try {
            return ClusterCovariance.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --vcov '" + text + "'; use CR0, CR1 or CR2");
        }
    }

    /** The documented JSON shape, nothing more. */
    static Map<String, Object> json(ModelSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", s.model());
        m.put("n", s.n());
        m.put("converged", s.converged());
        List<Object> coefs = new ArrayList<>();
        for (Coefficient c : s.coefficients()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("term", c.term());
            r.put("estimate", c.estimate());
            r.put("std_error", c.stdError());
            r.put("ci_low", c.ciLow());
            r.put("ci_high", c.ciHigh());
            r.put("p_value", c.pValue());
            r.put("df", c.df());
            coefs.add(r);
        }
        m.put("coefficients", coefs);
        m.put("loglik", s.loglik());
        m.put("deviance", s.deviance());
        m.put("aic", s.aic());
        m.put("random_intercept_sd", s.randomInterceptSd());
        m.put("warnings", s.warnings().stream().map(FitWarning::message).toList());
        return m;
    }

    private static String table(ModelSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "Model: %s   n = %d   converged: %s   iterations: %d%n",
                s.model(), s.n(), s.converged() ? "yes" : "NO", s.iterations()));
        b.append(String.format("Inference: %s; %.0f%% intervals%n%n", s.inference(), 100 * s.confidence()));
        int w = Math.max(
                4,
                s.coefficients().stream().mapToInt(c -> c.term().length()).max().orElse(4));
        b.append(String.format(
                "%-" + w + "s %14s %14s %14s %14s %10s %8s%n",
                "term",
                "estimate",
                "std.error",
                "ci.low",
                "ci.high",
                "p",
                "df"));
        for (Coefficient c : s.coefficients()) {
            b.append(String.format(
                    "%-" + w + "s %14s %14s %14s %14s %10s %8s%n",
                    c.term(),
                    num(c.estimate()),
                    num(c.stdError()),
                    num(c.ciLow()),
                    num(c.ciHigh()),
                    pval(c.pValue()),
                    c.normalReference() ? "z" : Double.isNaN(c.df()) ? "boot" : String.format("%.2f", c.df())));
        }
        b.append('\n');
        if (!Double.isNaN(s.loglik())) {
            b.append(String.format(
                    "log-likelihood %s   deviance %s   AIC %s%n", num(s.loglik()), num(s.deviance()), num(s.aic())));
        }
        if (!Double.isNaN(s.randomInterceptSd())) {
            b.append(String.format("random-intercept SD %s%n", num(s.randomInterceptSd())));
        }
        for (FitWarning fw : s.warnings()) {
            b.append("warning: ").append(fw.message()).append('\n');
        }
        return b.toString();
    }
}
