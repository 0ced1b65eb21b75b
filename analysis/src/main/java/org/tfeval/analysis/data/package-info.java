/**
 * A snapshot read for analysis: the task forces as typed rows and the case, victim and suspect
 * datasets as columns of codes, numbers and dates read from the snapshot's Parquet files with
 * DuckDB, plus the counting every analysis shares: shares and category counts that keep missing
 * codes out of denominators and count them as {@link org.tfeval.analysis.data.Exclusions}; and the sample
 * design shares are estimated with ({@link org.tfeval.analysis.data.SampleDesign}: task force as the cluster,
 * weights from the frames of the recorded draw, design-based intervals as R's survey package computes them).
 */
package org.tfeval.analysis.data;
