/**
 * One entry point for fitting any supported regression model to a data frame from a declarative
 * {@link org.tfeval.stats.modeling.ModelRequest}: {@link org.tfeval.stats.modeling.ModelFitter} builds the
 * design, fits the {@link org.tfeval.stats.modeling.ModelKind}, applies cluster-robust or wild-bootstrap
 * inference when asked, and returns the flat {@link org.tfeval.stats.model.ModelSummary}. Used by the CLI
 * and the analysis module.
 */
package org.tfeval.stats.modeling;
