/**
 * Data-quality queries: a question about one field of a coded record, opened by a rule hit or a
 * coordinator, answered by the coder and closed by the coordinator, with its thread of messages.
 * Open queries block a snapshot ({@link org.tfeval.store.query.OpenQueries}). Methods taking a
 * {@link java.sql.Connection} work inside the caller's transaction; every change is an audit
 * event (the message text stays in the query tables, never in the audit detail).
 */
package org.tfeval.store.query;
