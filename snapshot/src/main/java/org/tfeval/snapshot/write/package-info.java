/**
 * Writing the snapshot format: {@link org.tfeval.snapshot.write.SnapshotWriter} turns the rows of
 * every form, given by a {@link org.tfeval.snapshot.write.DatasetSource}, into Parquet, instrument and
 * manifest; {@link org.tfeval.snapshot.write.DatasetQuery} is the one SQL of a dataset (derived
 * variables included) that the store's PostgreSQL and DuckDB both run;
 * {@link org.tfeval.snapshot.write.CsvStudy} is a source without a database, from import files.
 */
package org.tfeval.snapshot.write;
