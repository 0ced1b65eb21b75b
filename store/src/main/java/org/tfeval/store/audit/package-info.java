/**
 * The append-only audit log: who changed which record, when, why, with the old and new values.
 * Each event's MAC (HMAC-SHA256 under {@link org.tfeval.store.audit.AuditSeal}'s key, kept outside
 * the database) covers the previous event and a digest of its record changes, and every committed
 * event is appended to anchor files outside the database, so rewriting, re-hashing or truncating
 * the log is detected by {@link org.tfeval.store.audit.AuditLog#verify};
 * {@link org.tfeval.store.audit.AuditReplay} finds direct SQL edits of the data tables.
 */
package org.tfeval.store.audit;
