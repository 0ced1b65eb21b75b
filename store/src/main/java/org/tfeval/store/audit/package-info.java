/**
 * The append-only, hash-chained audit log: who changed which record, when, why, with the old and
 * new values. Each event's hash covers the previous hash and a digest of its record changes, so
 * editing or deleting any row is detected by {@link org.tfeval.store.audit.AuditLog#verify}.
 */
package org.tfeval.store.audit;
