/**
 * Random-intercept logistic mixed models ({@link org.tfeval.stats.mixed.RandomInterceptLogit}): the
 * marginal likelihood integrated over each group's intercept by the Laplace approximation or adaptive
 * Gauss-Hermite quadrature, maximised jointly over the fixed effects and the random-intercept SD, with
 * standard errors from the Hessian of the deviance, as {@code lme4::glmer} does.
 */
package org.tfeval.stats.mixed;
