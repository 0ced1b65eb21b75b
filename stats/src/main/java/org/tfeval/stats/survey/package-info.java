/**
 * Design-based estimation for a one-stage cluster sample with weights: the weighted mean of a 0/1 (or any
 * numeric) variable, a ratio estimator, with its Taylor-linearization variance treating clusters as sampled
 * with replacement and no finite-population correction, as R's {@code survey} package computes it for
 * {@code svydesign(ids = ~cluster, weights = ~w)}; intervals use Student's t with clusters - 1 degrees of
 * freedom ({@code degf}). See {@link org.tfeval.stats.survey.ClusterMean}.
 */
package org.tfeval.stats.survey;
