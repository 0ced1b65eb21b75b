/**
 * Law-enforcement vs victim-service reconciliation: for each catalogue pair, task force and quarter, the two
 * grantees' totals side by side, with the quarters outside the pair's tolerance (or with one side missing)
 * flagged and the explanation recorded for them.
 */
package org.tfeval.measures.reconcile;
