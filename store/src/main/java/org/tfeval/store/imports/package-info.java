/**
 * Validated, streaming, all-or-nothing import of CSV and XLSX files into a form's table, and export
 * back to the same format. Every problem is collected with file, row, column and rule.
 */
package org.tfeval.store.imports;
