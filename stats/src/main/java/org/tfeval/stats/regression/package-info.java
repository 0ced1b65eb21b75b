/**
 * Fixed-effects regression: ordinary least squares ({@link org.tfeval.stats.regression.LinearRegression},
 * QR-preconditioned with iterative refinement in double-double arithmetic to NIST StRD accuracy),
 * generalized linear models by IRLS ({@link org.tfeval.stats.regression.GeneralizedLinearModel}: logistic and
 * Poisson, deviance, log-likelihood, AIC, Wald and profile-likelihood intervals, detection of complete
 * and quasi-complete separation) and Firth's penalized logistic regression
 * ({@link org.tfeval.stats.regression.FirthLogisticRegression}) with penalized profile-likelihood
 * intervals.
 */
package org.tfeval.stats.regression;
