/**
 * Adjusting p-values for screening several hypotheses at once: {@link org.tfeval.stats.multiplicity.Adjustment}
 * (Holm's step-down family-wise adjustment, Benjamini-Hochberg's false-discovery-rate adjustment), as R's
 * {@code p.adjust} computes them.
 */
package org.tfeval.stats.multiplicity;
