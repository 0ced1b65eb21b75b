package org.tfeval.analysis;

import java.util.Map;
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
 * @param sitesPerArm           a task-force feature is tested only when each arm has at least this many task
 *                              forces; otherwise it is described, never tested
 * @param eventsPerParameter    a model with fewer events (of the rarer outcome) per estimated parameter is not
 *                              reported as a finding (Peduzzi et al. 1996 recommend 10)
 * @param frames                cases on each task force's case list (TF_ID to frame size) from the recorded
 *                              draw; empty when not known (equal weights)
 */
public record AnalysisSettings(
        double confidence,
        PopulationBenchmark benchmark,
        int bootstrapReplications,
        long seed,
        int fewSites,
        int sitesPerArm,
        int eventsPerParameter,
        Map<String, Long> frames) {
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
    /** Default smallest number of task forces in each arm of a tested feature. */
    public static final int DEFAULT_SITES_PER_ARM = 3;
    /** Default smallest number of events per parameter of a model reported as a finding (Peduzzi et al. 1996). */
    public static final int DEFAULT_EVENTS_PER_PARAMETER = 10;

    public AnalysisSettings {
        Objects.requireNonNull(benchmark, "benchmark");
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        if (bootstrapReplications < 99)
            throw new IllegalArgumentException("bootstrap replications must be >= 99, got " + bootstrapReplications);
        if (fewSites < 2) throw new IllegalArgumentException("the few-sites threshold must be >= 2, got " + fewSites);
        if (sitesPerArm < 1) throw new IllegalArgumentException("sites per arm must be >= 1, got " + sitesPerArm);
        if (eventsPerParameter < 1)
            throw new IllegalArgumentException("events per parameter must be >= 1, got " + eventsPerParameter);
        frames = java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(Objects.requireNonNull(frames, "frames")));
        frames.forEach((tf, n) -> {
            if (n == null || n < 1)
                throw new IllegalArgumentException("frame of task force " + tf + " must be >= 1, got " + n);
        });
    }

    /** Defaults with the illustrative benchmark. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(
                DEFAULT_CONFIDENCE,
                PopulationBenchmark.illustrativeDefault(),
                DEFAULT_BOOTSTRAP_REPLICATIONS,
                DEFAULT_SEED,
                DEFAULT_FEW_SITES,
                DEFAULT_SITES_PER_ARM,
                DEFAULT_EVENTS_PER_PARAMETER,
                Map.of());
    }

    public AnalysisSettings withConfidence(double level) {
        return new AnalysisSettings(
                level, benchmark, bootstrapReplications, seed, fewSites, sitesPerArm, eventsPerParameter, frames);
    }

    public AnalysisSettings withBenchmark(PopulationBenchmark b) {
        return new AnalysisSettings(
                confidence, b, bootstrapReplications, seed, fewSites, sitesPerArm, eventsPerParameter, frames);
    }

    public AnalysisSettings withBootstrapReplications(int b) {
        return new AnalysisSettings(confidence, benchmark, b, seed, fewSites, sitesPerArm, eventsPerParameter, frames);
    }

    public AnalysisSettings withSeed(long s) {
        return new AnalysisSettings(
                confidence, benchmark, bootstrapReplications, s, fewSites, sitesPerArm, eventsPerParameter, frames);
    }

    public AnalysisSettings withFewSites(int n) {
        return new AnalysisSettings(
                confidence, benchmark, bootstrapReplications, seed, n, sitesPerArm, eventsPerParameter, frames);
    }

    public AnalysisSettings withSitesPerArm(int n) {
        return new AnalysisSettings(
                confidence, benchmark, bootstrapReplications, seed, fewSites, n, eventsPerParameter, frames);
    }

    public AnalysisSettings withEventsPerParameter(int n) {
        return new AnalysisSettings(
                confidence, benchmark, bootstrapReplications, seed, fewSites, sitesPerArm, n, frames);
    }

    /** Frames of the recorded draw (TF_ID to cases on the case list), for weights. */
    public AnalysisSettings withFrames(Map<String, Long> f) {
        return new AnalysisSettings(
                confidence, benchmark, bootstrapReplications, seed, fewSites, sitesPerArm, eventsPerParameter, f);
    }

    /** The confidence level as a percentage label, e.g. {@code "95%"}. */
    public String confidenceLabel() {
        double pct = confidence * 100;
        return (pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct)) + "%";
    }
}
