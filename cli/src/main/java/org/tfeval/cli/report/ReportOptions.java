package org.tfeval.cli.report;

import java.nio.file.Path;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.disparity.PopulationBenchmark;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.report.Reports;
import org.tfeval.report.document.Paper;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import picocli.CommandLine.Option;

/** Options of the analyses and reports, shared by {@code report} and {@code run}. */
public final class ReportOptions {
    @Option(
            names = "--benchmark",
            paramLabel = "FILE",
            description = {
                "Population shares by race per jurisdiction, a CSV with the header",
                "jurisdiction,race_code,group,share,population,source (jurisdiction: US, a state's USPS code, or a TF_ID).",
                "Default: an ILLUSTRATIVE U.S. national table (Census QuickFacts), labelled as such in every report."
            })
    Path benchmark;

    @Option(
            names = "--threshold",
            paramLabel = "N",
            defaultValue = "" + ComplementarySuppression.MINIMUM_CELL_SIZE,
            description =
                    "Task-force reports withhold other task forces' counts from 1 to N - 1 (default ${DEFAULT-VALUE}).")
    int threshold;

    @Option(
            names = "--confidence",
            paramLabel = "LEVEL",
            defaultValue = "" + AnalysisSettings.DEFAULT_CONFIDENCE,
            description = "Confidence level of every interval (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
            names = "--bootstrap",
            paramLabel = "DRAWS",
            defaultValue = "" + AnalysisSettings.DEFAULT_BOOTSTRAP_REPLICATIONS,
            description =
                    "Wild cluster bootstrap draws (default ${DEFAULT-VALUE}; all sign patterns when there are few task forces).")
    int bootstrap;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "" + AnalysisSettings.DEFAULT_SEED,
            description = "Seed of the bootstrap (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-pdf", description = "Write HTML only.")
    boolean noPdf;

    @Option(
            names = "--paper",
            paramLabel = "SIZE",
            defaultValue = "letter",
            description = "Paper of the PDFs: letter (US Letter, the default) or a4.")
    String paper;

    /** The analysis settings these options describe. */
    AnalysisSettings settings() {
        AnalysisSettings s = AnalysisSettings.defaults()
                .withConfidence(confidence)
                .withBootstrapReplications(bootstrap)
                .withSeed(seed);
        return benchmark == null ? s : s.withBenchmark(PopulationBenchmark.read(benchmark));
    }

    /** The report writer these options describe. */
    Reports reports(ProgressListener progress) {
        return Reports.standard()
                .withThreshold(threshold)
                .withPdf(!noPdf)
                .withProgress(progress)
                .withPaper(Paper.parse(paper));
    }
}
