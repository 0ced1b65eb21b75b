package org.tfeval.analysis;

import java.util.Objects;
import org.tfeval.analysis.disparity.PopulationBenchmark;

/**
 * Choices every analysis reads. Immutable; configured by copy.
 *
 * @param confidence            confidence level of every interval
 * @param benchmark             population benchmark of the disproportionality analysis
 * @param bootstrapReplications replications of the wild cluster bootstrap
 * @param seed                  seed of everything random (the bootstrap), so results reproduce
 * @param fewSites              below this many task forces with cases, site-level inference is flagged as weak
 */
public record AnalysisSettings(
        double confidence, PopulationBenchmark benchmark, int bootstrapReplications, long seed, int fewSites) {
    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default bootstrap replications (enough for p-values to two decimals, Cameron, Gelbach and Miller 2008). */
    public static final int DEFAULT_BOOTSTRAP_REPLICATIONS = 999;
    /** Default seed. */
    public static final long DEFAULT_SEED = 20240601L;
    /**
     * Default "few sites" threshold: with fewer than 10 clusters even CR2 and the wild cluster
     * bootstrap are unreliable (Cameron and Miller 2015, section VI; MacKinnon and Webb 2017).
     */
    public static final int DEFAULT_FEW_SITES = 10;

    public AnalysisSettings {
        Objects.requireNonNull(benchmark, "benchmark");
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        if (bootstrapReplications < 99)
            throw new IllegalArgumentException("bootstrap replications must be >= 99, got " + bootstrapReplications);
        if (fewSites < 2) throw new IllegalArgumentException("the few-sites threshold must be >= 2, got " + fewSites);
    }

    /** Defaults with the illustrative benchmark. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(
                DEFAULT_CONFIDENCE,
                PopulationBenchmark.illustrativeDefault(),
                DEFAULT_BOOTSTRAP_REPLICATIONS,
                DEFAULT_SEED,
                DEFAULT_FEW_SITES);
    }

    public AnalysisSettings withConfidence(double level) {
        return new AnalysisSettings(level, benchmark, bootstrapReplications, seed, fewSites);
    }

    public AnalysisSettings withBenchmark(PopulationBenchmark b) {
        return new AnalysisSettings(confidence, b, bootstrapReplications, seed, fewSites);
    }

    public AnalysisSettings withBootstrapReplications(int b) {
        return new AnalysisSettings(confidence, benchmark, b, seed, fewSites);
    }

    public AnalysisSettings withSeed(long s) {
        return new AnalysisSettings(confidence, benchmark, bootstrapReplications, s, fewSites);
    }

    public AnalysisSettings withFewSites(int n) {
        return new AnalysisSettings(confidence, benchmark, bootstrapReplications, seed, n);
    }

    /** The confidence level as a percentage label, e.g. {@code "95%"}. */
    public String confidenceLabel() {
        double pct = confidence * 100;
        return (pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct)) + "%";
    }
}
