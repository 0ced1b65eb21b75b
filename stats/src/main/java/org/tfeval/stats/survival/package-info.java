/**
 * Survival curves: Kaplan-Meier estimates with Greenwood standard errors, "log" and "log-log"
 * pointwise intervals and median survival ({@link org.tfeval.stats.survival.KaplanMeier}), and the
 * log-rank test across strata ({@link org.tfeval.stats.survival.LogRankTest}), as R's
 * {@code survival::survfit} and {@code survdiff} compute them.
 */
package org.tfeval.stats.survival;
