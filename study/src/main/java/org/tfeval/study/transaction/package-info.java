/**
 * Transactions as callbacks over a connection pool, for a study served to many people at once:
 * the one place where the store's refusals become {@link org.tfeval.instrument.workflow.Problem}s.
 */
package org.tfeval.study.transaction;
