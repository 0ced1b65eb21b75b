package org.tfeval.instrument.validation;

/**
 * Where a record came from.
 *
 * @param file the file or table
 * @param row  1-based data row, 0 when unknown
 */
public record Location(String file, long row) {}
