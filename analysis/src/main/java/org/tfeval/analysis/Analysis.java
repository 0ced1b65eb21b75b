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

    /** Runs the analysis. */
    AnalysisResult run(StudyData data, AnalysisSettings settings);
}
