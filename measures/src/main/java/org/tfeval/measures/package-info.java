/**
 * The performance-measure strand without the store: its values ({@link org.tfeval.measures.MeasureValue},
 * {@link org.tfeval.measures.FiscalQuarter}, {@link org.tfeval.measures.Disaggregation}) and, in feature
 * packages, measure files, their validation, LE/VS reconciliation, trends, the grantees' layout and the
 * synthetic measures of the demo. Stored by {@code store.measures}, used through {@code study.measures}.
 */
package org.tfeval.measures;
