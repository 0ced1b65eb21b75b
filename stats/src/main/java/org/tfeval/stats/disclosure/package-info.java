/**
 * Complementary suppression of published counts: the one implementation that the task-force
 * reports ({@code report}) and the release codebooks ({@code release}) share, with the one
 * minimum cell size ({@link org.tfeval.stats.disclosure.ComplementarySuppression#MINIMUM_CELL_SIZE}).
 *
 * <p>It lives in {@code stats} because it is a table-level algorithm on counts and nothing more:
 * it needs no instrument, snapshot or result type, and {@code stats} depends on no tfeval module,
 * so both {@code report} (through {@code analysis}) and {@code release} can use it without a new
 * dependency between them. A caller describes what it publishes as {@link
 * org.tfeval.stats.disclosure.PublishedCounts} (counts and the sums a reader can see: row, column
 * and grand totals of a report table; valid, missing and code frequencies of a codebook variable)
 * or, for a two-way table, as a {@link org.tfeval.stats.disclosure.CountTable}.
 */
package org.tfeval.stats.disclosure;
