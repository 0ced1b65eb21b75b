package org.tfeval.stats.modeling;

import java.util.ArrayList;
import java.util.List;
import org.tfeval.stats.design.ConditionIndex;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.DesignBuilder;
import org.tfeval.stats.design.Grouping;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.mixed.GlmmFit;
import org.tfeval.stats.mixed.RandomInterceptLogit;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.model.ModelSummary;
import org.tfeval.stats.regression.Family;
import org.tfeval.stats.regression.FirthLogisticRegression;
import org.tfeval.stats.regression.GeneralizedLinearModel;
import org.tfeval.stats.regression.GlmFit;
import org.tfeval.stats.regression.LinearFit;
import org.tfeval.stats.regression.LinearRegression;
import org.tfeval.stats.robust.ClusterRobust;
import org.tfeval.stats.robust.RobustFit;
import org.tfeval.stats.robust.SandwichParts;
import org.tfeval.stats.robust.WildBootstrapFit;
import org.tfeval.stats.robust.WildClusterBootstrap;

/**
 * Fits a {@link ModelRequest} to a {@link DataFrame}. Problems in the data (absent columns, a non-numeric
 * or non-binary outcome, a singular design) throw {@link org.tfeval.stats.InvalidInputException} naming
 * the columns or terms.
 */
public final class ModelFitter {

    private ModelFitter() {}

    /** Fits the model and returns its summary, with robust or bootstrap inference when requested. */
    public static ModelSummary fit(DataFrame data, ModelRequest request) {
        if (request.kind() == ModelKind.GLMM_LOGIT && request.group() == null) {
            throw new IllegalArgumentException("model glmm-logit needs a group column for the random intercept");
        }
        DesignBuilder builder = DesignBuilder.of(request.formula());
        for (var e : request.referenceLevels().entrySet()) {
            builder = builder.withReferenceLevel(e.getKey(), e.getValue());
        }
        for (String c : request.categorical()) {
            builder = builder.withCategorical(c);
        }
        if (request.cluster() != null) {
            builder = builder.withRequiredColumn(request.cluster());
        }
        if (request.group() != null) {
            builder = builder.withRequiredColumn(request.group());
        }
        Design design = builder.build(data);
        double kappa = ConditionIndex.of(design);
        ModelSummary fitted = fit(data, request, design);
        if (!(kappa <= ConditionIndex.WARNING_THRESHOLD)) {
            List<FitWarning> w = new ArrayList<>(fitted.warnings());
            w.add(new FitWarning(
                    FitWarning.ILL_CONDITIONED,
                    String.format(
                            java.util.Locale.ROOT,
                            "the design's condition index is %.3g (columns scaled to unit length), above %.0f:"
                                    + " near-collinear predictors make these estimates and standard errors unstable"
                                    + " (Belsley, Kuh and Welsch 1980)",
                            kappa,
                            ConditionIndex.WARNING_THRESHOLD)));
            fitted = new ModelSummary(
                    fitted.model(),
                    fitted.n(),
                    fitted.converged(),
                    fitted.iterations(),
                    fitted.coefficients(),
                    fitted.loglik(),
                    fitted.deviance(),
                    fitted.aic(),
                    fitted.randomInterceptSd(),
                    fitted.inference(),
                    fitted.confidence(),
                    w);
        }
        return fitted;
    }

    private static ModelSummary fit(DataFrame data, ModelRequest request, Design design) {
        double conf = request.confidence();
        return switch (request.kind()) {
            case OLS -> {
                LinearFit fit = LinearRegression.create().withConfidence(conf).fit(design);
                ModelSummary s = fit.summary();
                yield request.cluster() == null
                        ? s
                        : request.wildBootstrap()
                                ? withBootstrap(s, bootstrap(request).ols(design, grouping(data, request, design)))
                                : withRobust(
                                        s,
                                        ClusterRobust.of(request.covariance())
                                                .withConfidence(conf)
                                                .estimate(
                                                        SandwichParts.of(design, fit),
                                                        grouping(data, request, design)));
            }
            case LOGIT, POISSON -> {
                Family family = request.kind() == ModelKind.LOGIT ? Family.BINOMIAL_LOGIT : Family.POISSON_LOG;
                GlmFit fit = GeneralizedLinearModel.of(family)
                        .withConfidence(conf)
                        .withIntervals(request.intervals())
                        .fit(design);
                ModelSummary s = fit.summary();
                yield request.cluster() == null
                        ? s
                        : request.wildBootstrap()
                                ? withBootstrap(
                                        s, bootstrap(request).glm(design, grouping(data, request, design), family))
                                : withRobust(
                                        s,
                                        ClusterRobust.of(request.covariance())
                                                .withConfidence(conf)
                                                .estimate(
                                                        SandwichParts.of(design, fit),
                                                        grouping(data, request, design)));
            }
            case FIRTH ->
                FirthLogisticRegression.create()
                        .withConfidence(conf)
                        .withIntervals(request.intervals())
                        .fit(design)
                        .summary();
            case GLMM_LOGIT -> {
                GlmmFit fit = RandomInterceptLogit.laplace()
                        .withQuadraturePoints(request.quadraturePoints())
                        .withModeIteration(request.modeIteration())
                        .withConfidence(conf)
                        .fit(design, Grouping.of(data, request.group(), design));
                yield fit.summary();
            }
        };
    }

    private static WildClusterBootstrap bootstrap(ModelRequest r) {
        return WildClusterBootstrap.create()
                .withDraws(r.bootstrapDraws())
                .withSeed(r.seed())
                .withConfidence(r.confidence());
    }

    private static Grouping grouping(DataFrame data, ModelRequest r, Design design) {
        return Grouping.of(data, r.cluster(), design);
    }

    private static ModelSummary withRobust(ModelSummary s, RobustFit robust) {
        List<FitWarning> w = new ArrayList<>(s.warnings());
        w.addAll(robust.warnings());
        return new ModelSummary(
                s.model(),
                s.n(),
                s.converged(),
                s.iterations(),
                robust.coefficients(),
                s.loglik(),
                s.deviance(),
                s.aic(),
                s.randomInterceptSd(),
                robust.describe(),
                s.confidence(),
                w);
    }

    private static ModelSummary withBootstrap(ModelSummary s, WildBootstrapFit boot) {
        List<FitWarning> w = new ArrayList<>(s.warnings());
        w.addAll(boot.warnings());
        return new ModelSummary(
                s.model(),
                s.n(),
                s.converged(),
                s.iterations(),
                boot.coefficients(),
                s.loglik(),
                s.deviance(),
                s.aic(),
                s.randomInterceptSd(),
                boot.describe(),
                s.confidence(),
                w);
    }
}
