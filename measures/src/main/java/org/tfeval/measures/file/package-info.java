/**
 * Measure files: one row per task force x period x measure x disaggregation, read from CSV (UTF-8) or
 * the first sheet of an XLSX workbook, and written in the same columns.
 */
package org.tfeval.measures.file;
