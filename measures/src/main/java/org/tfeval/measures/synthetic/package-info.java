/**
 * SYNTHETIC quarterly performance measures for the demo and the bench: every task force since its first
 * funding year, at least the counts its coded case files show, with planted LE/VS gaps that reconciliation
 * must flag and a copy with planted reporting errors that validation must find.
 */
package org.tfeval.measures.synthetic;
