/**
 * Performance measures in a snapshot: what the store freezes (reported values with their catalogue version,
 * the totals computed from the case files with the records behind them, the LE/VS reconciliation with its
 * recorded explanations) written in the snapshot's {@link org.tfeval.snapshot.MeasureDataset} format, and read
 * back from a snapshot by the reports, which never see the store.
 */
package org.tfeval.measures.frozen;
