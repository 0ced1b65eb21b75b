/**
 * Disclosure control of the task-force reports: counts of other task forces below a threshold are
 * withheld, and further cells are withheld so that the withheld ones cannot be recovered from the
 * totals ({@link org.tfeval.report.disclosure.ComplementarySuppression}).
 */
package org.tfeval.report.disclosure;
