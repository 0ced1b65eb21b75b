/**
 * Study analyses as code. Each {@link org.tfeval.analysis.Analysis} is a named, documented unit
 * that reads a snapshot (through {@link org.tfeval.analysis.data.StudyData}, never the store) and
 * returns typed {@link org.tfeval.analysis.ResultTable}s; {@link org.tfeval.analysis.AnalysisSuite}
 * runs them all and {@link org.tfeval.analysis.StudyResults} writes them as JSON citing the
 * snapshot hash. The statistics come from the {@code stats} module.
 */
package org.tfeval.analysis;
