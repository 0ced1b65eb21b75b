/**
 * Cluster-robust inference for OLS and GLMs: sandwich covariances CR0, CR1 (Stata's small-sample
 * factor) and CR2 (Bell-McCaffrey bias-reduced, with Satterthwaite degrees of freedom, as R's
 * clubSandwich) in {@link org.tfeval.stats.robust.ClusterRobust}, and the wild cluster bootstrap for
 * few clusters (restricted wild bootstrap for OLS, score bootstrap for logit; Rademacher weights fully
 * enumerated when there are few clusters, Webb's six-point weights otherwise) in
 * {@link org.tfeval.stats.robust.WildClusterBootstrap}.
 */
package org.tfeval.stats.robust;
