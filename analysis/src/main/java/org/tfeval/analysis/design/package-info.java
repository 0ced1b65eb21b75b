/**
 * The sample design of a snapshot as the analyses use it: per task force the recorded draw (frame, cases drawn,
 * replacements, inclusion probability, weight, who drew) and the headline shares weighted, unweighted with the
 * task force as the cluster, and as independent cases (Wilson), side by side.
 */
package org.tfeval.analysis.design;
