/**
 * Results shared by every regression-type estimator: {@link org.tfeval.stats.model.Coefficient} rows,
 * {@link org.tfeval.stats.model.FitWarning}s with stable codes, and the flat
 * {@link org.tfeval.stats.model.ModelSummary} that reports, the CLI and the analysis module consume.
 */
package org.tfeval.stats.model;
