/**
 * Validation of measure files: every problem collected with file, row, column and rule (negative counts,
 * disaggregations above their total, overlapping periods, gaps, values reported twice with different
 * numbers, measures outside the catalogue), against the file itself and what is already stored.
 */
package org.tfeval.measures.validation;
