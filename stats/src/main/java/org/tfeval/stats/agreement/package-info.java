/**
 * Inter-coder agreement: Cohen's kappa (unweighted and weighted) and Scott's pi for two coders
 * ({@link org.tfeval.stats.agreement.TwoCoderAgreement}), Fleiss' kappa for many raters
 * ({@link org.tfeval.stats.agreement.FleissKappa}), and Krippendorff's alpha for any number of coders,
 * missing values and four {@link org.tfeval.stats.agreement.MeasurementLevel}s
 * ({@link org.tfeval.stats.agreement.KrippendorffAlpha}). {@link org.tfeval.stats.agreement.CodingTable}
 * reads the CLI's layout: one row per unit, one column per coder, blank = not coded.
 */
package org.tfeval.stats.agreement;
