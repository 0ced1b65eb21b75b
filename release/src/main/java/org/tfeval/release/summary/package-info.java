/**
 * Per-variable summaries for codebooks (frequencies, missing counts, min/max/mean/sd), computed in
 * one streaming pass over the rows: {@link org.tfeval.release.summary.DatasetSummary#compute}.
 */
package org.tfeval.release.summary;
