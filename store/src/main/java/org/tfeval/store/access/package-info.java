/**
 * Restricted-use access in the database: applications and their decisions, renewals, annual
 * reports, destruction certificates, and the append-only transfer log of every restricted package
 * issued with the digests that trace a leaked copy back to its issue. Methods taking a
 * {@link java.sql.Connection} work inside the caller's transaction; the study layer
 * ({@code org.tfeval.study.access}) records the audit event of each change in the same transaction.
 */
package org.tfeval.store.access;
