/**
 * The performance-measures chapter (cross-site trends with funding cycles, year-over-year change, reported vs
 * computed, LE/VS reconciliation, task forces by feature at site level) and each task force's series beside
 * the other task forces' range (anonymised, small counts withheld).
 */
package org.tfeval.report.measures;
