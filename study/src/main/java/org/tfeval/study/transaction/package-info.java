/**
 * Transactions as callbacks over a connection pool, for a study served to many people at once:
 * the one place where the store's refusals become {@link org.tfeval.instrument.workflow.Problem}s
 * (a race lost to another transaction, such as a unique violation, is refused, never internal).
 */
package org.tfeval.study.transaction;
