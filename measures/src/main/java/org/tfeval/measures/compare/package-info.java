/**
 * Reported vs computed: the grantee's reported totals beside the counts the coded case files give for the
 * same task force, quarter and measure, with the difference explained (the files are a sample of closed
 * cases, so the reported count is expected to be at least the computed one).
 */
package org.tfeval.measures.compare;
