/**
 * Study analyses as code. Each {@link org.tfeval.analysis.Analysis} is a named, documented unit
 * that reads a snapshot (through {@link org.tfeval.analysis.data.StudyData}, never the store) and
 * returns typed {@link org.tfeval.analysis.ResultTable}s: each table's rows are a record that the
 * analysis declares next to itself (for example {@code OutcomeFunnel.StageRow}) and names with a
 * {@link org.tfeval.analysis.TableKey} ({@code OutcomeFunnel.CASE_BY_SITE}), so reports read
 * results by field; a share's six columns are one {@link org.tfeval.analysis.ShareCells}.
 * {@link org.tfeval.analysis.AnalysisSuite} runs them all and
 * {@link org.tfeval.analysis.StudyResults} writes them as JSON citing the snapshot hash (flat rows
 * under the tables' column names) and reads them back into the same records. The statistics come
 * from the {@code stats} module.
 */
package org.tfeval.analysis;
