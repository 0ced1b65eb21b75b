/**
 * Contingency tables ({@link org.tfeval.stats.table.ContingencyTable}, built from two columns or given
 * as counts) and their tests of independence: Pearson's chi-square with the expected-count warning
 * ({@link org.tfeval.stats.table.ChiSquareTest}) and Fisher's exact test for r x c tables, two-sided as R's
 * {@code fisher.test} ({@link org.tfeval.stats.table.FisherExactTest}).
 */
package org.tfeval.stats.table;
