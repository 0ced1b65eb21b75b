/**
 * Taking a snapshot of the study database: validation gate, one consistent read of every form, the
 * snapshot format written by {@code org.tfeval.snapshot.write}, and the record of it in the audit log.
 */
package org.tfeval.store.snapshot;
