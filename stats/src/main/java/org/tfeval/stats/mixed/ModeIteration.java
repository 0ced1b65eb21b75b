package org.tfeval.stats.mixed;

/**
 * How the conditional modes of the random intercepts are found inside each deviance evaluation.
 */
public enum ModeIteration {

    /**
     * Newton's method on each group's mode to machine precision, warm-started: the deviance is the exact
     * Laplace (or adaptive quadrature) approximation and has an exact gradient. Agrees with
     * {@code lme4::glmer(..., control = glmerControl(tolPwrss = 1e-13))} to about 1e-8.
     */
    EXACT,

    /**
     * lme4's default penalized IRLS ({@code pwrssUpdate}): every evaluation restarts from the linear
     * predictor of the nAGQ = 0 fit, stops once the penalized deviance changes by less than
     * {@link RandomInterceptLogit#LME4_TOL_PWRSS} relatively, and takes {@code log|L|^2} from the weights
     * of the last iteration's start. The result is the deviance lme4 actually optimises with its defaults
     * ({@code tolPwrss = 1e-7}), which for the Laplace approximation differs from the exact one by about
     * 1e-3; standard errors use lme4's finite-difference Hessian ({@code deriv12}, step 1e-4). Slower: no
     * analytic gradient.
     */
    LME4_PIRLS
}
