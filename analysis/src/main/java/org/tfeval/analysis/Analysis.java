package org.tfeval.analysis;

import org.tfeval.analysis.data.StudyData;

/**
 * A named, documented analysis: reads the study data of one snapshot and returns typed result
 * tables. Implementations are immutable and never touch the store.
 */
public interface Analysis {
    /** Stable id, also the JSON file name ({@code funnel} gives {@code funnel.json}). */
    String id();

    /** Title for reports. */
    String title();

    /** The tables the analysis may return, with their row types (how saved results are read back). */
    java.util.List<TableKey<?>> tables();

    /** Runs the analysis. */
    AnalysisResult run(StudyData data, AnalysisSettings settings);
}
