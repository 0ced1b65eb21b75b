/**
 * Immutable, versioned snapshots of a validated study: one Parquet file per dataset, the
 * instrument, and a {@link org.tfeval.snapshot.Manifest} with row counts and SHA-256 of every file.
 * The ID is a content hash. Analyses, reports and releases read snapshots, never the store; writing
 * the format is in {@link org.tfeval.snapshot.write}.
 */
package org.tfeval.snapshot;
