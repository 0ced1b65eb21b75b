package org.tfeval.measures.trend;

/**
 * A fiscal year's total and its change on the year before (both complete: four quarters reported).
 *
 * @param fiscalYear the year
 * @param total      the sum of its four quarters
 * @param previous   the previous year's total, or NaN when that year is incomplete
 * @param change     (total - previous) / previous, or NaN when previous is NaN or zero
 */
public record YearChange(int fiscalYear, double total, double previous, double change) {}
