/**
 * Binomial proportions: confidence intervals by {@link org.tfeval.stats.proportion.IntervalMethod}
 * (Wilson, Clopper-Pearson, Jeffreys) and comparisons of two independent proportions
 * ({@link org.tfeval.stats.proportion.TwoProportions}: difference with Newcombe's hybrid score interval,
 * ratio with the Katz log interval).
 */
package org.tfeval.stats.proportion;
