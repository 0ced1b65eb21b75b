/**
 * Columnar in-memory data frames: numeric columns as primitive {@code double[]} (NaN = missing),
 * text columns as {@code String[]} (null = missing), read from CSV by {@link
 * org.tfeval.stats.frame.CsvFrameReader}. A column whose every non-blank cell parses as a number is
 * numeric; any other column is text (categorical).
 */
package org.tfeval.stats.frame;
