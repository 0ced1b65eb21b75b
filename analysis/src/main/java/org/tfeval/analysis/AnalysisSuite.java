package org.tfeval.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.tfeval.analysis.charging.Charging;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.identification.Identification;
import org.tfeval.analysis.prediction.OutcomePrediction;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.snapshot.Snapshot;

/**
 * Runs a list of analyses on one snapshot. Immutable; configured by copy.
 */
public final class AnalysisSuite {
    private final List<Analysis> analyses;
    private final AnalysisSettings settings;
    private final String version;
    private final ProgressListener progress;

    private AnalysisSuite(
            List<Analysis> analyses, AnalysisSettings settings, String version, ProgressListener progress) {
        this.analyses = List.copyOf(analyses);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.version = Objects.requireNonNull(version, "version");
        this.progress = Objects.requireNonNull(progress, "progress");
        var ids = new java.util.HashSet<String>();
        for (Analysis a : this.analyses) {
            if (!ids.add(a.id())) throw new IllegalArgumentException("two analyses have the id " + a.id());
        }
    }

    /** Every analysis of the study, in report order, with default settings. */
    public static AnalysisSuite standard() {
        return new AnalysisSuite(
                List.of(
                        new SampleDescription(),
                        new OutcomeFunnel(),
                        new Charging(),
                        new Identification(),
                        new Survivors(),
                        new Disproportionality(),
                        new TimeToDisposition(),
                        new OutcomePrediction(),
                        new TaskForceComparison(),
                        // methods: coder reliability from the double-coded files (frames2)
                        new org.tfeval.analysis.reliability.CodingReliability(),
                        // methods: sampling and weighting from the recorded draw (frames2)
                        new org.tfeval.analysis.design.DesignWeights()),
                AnalysisSettings.defaults(),
                "dev",
                ProgressListener.NONE);
    }

    /** A suite of the given analyses. */
    public static AnalysisSuite of(List<Analysis> analyses) {
        return new AnalysisSuite(analyses, AnalysisSettings.defaults(), "dev", ProgressListener.NONE);
    }

    public AnalysisSuite withSettings(AnalysisSettings s) {
        return new AnalysisSuite(analyses, s, version, progress);
    }

    /** The tfeval version recorded in the results. */
    public AnalysisSuite withVersion(String v) {
        return new AnalysisSuite(analyses, settings, v, progress);
    }

    public AnalysisSuite withProgress(ProgressListener p) {
        return new AnalysisSuite(analyses, settings, version, p);
    }

    public AnalysisSettings settings() {
        return settings;
    }

    public List<Analysis> analyses() {
        return analyses;
    }

    /** Reads the snapshot and runs every analysis. */
    public StudyResults run(Snapshot snapshot) {
        progress.progress("read snapshot", 0, 1);
        StudyData data = StudyData.load(snapshot);
        progress.progress("read snapshot", 1, 1);
        return run(data);
    }

    /**
     * Runs every analysis on data already read, on up to {@value #THREADS} threads (analyses are
     * independent and their data read-only); results keep the suite's order.
     */
    public StudyResults run(StudyData data) {
        int threads = Math.max(1, Math.min(THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        progress.progress("analyses", 0, analyses.size());
        try {
            List<Future<AnalysisResult>> futures = new ArrayList<>();
            for (Analysis a : analyses) {
                futures.add(pool.submit(() -> {
                    AnalysisResult r = a.run(data, settings);
                    progress.progress("analyses", done.incrementAndGet(), analyses.size());
                    return r;
                }));
            }
            List<AnalysisResult> results = new ArrayList<>();
            for (Future<AnalysisResult> f : futures) results.add(f.get());
            Map<String, String> described = describe(settings);
            // the weights the design-based estimates used: the snapshot's recorded draw unless frames were given
            described.put(
                    "weights",
                    org.tfeval.analysis.data.SampleDesign.of(data, settings.frames())
                            .source()
                            .words());
            return new StudyResults(data.snapshot(), version, described, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the analyses", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("an analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Analyses run on at most this many threads. */
    public static final int THREADS = 2;

    static Map<String, String> describe(AnalysisSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("confidence", Double.toString(s.confidence()));
        m.put("benchmark", s.benchmark().label());
        m.put("benchmark_illustrative", Boolean.toString(s.benchmark().illustrative()));
        m.put("bootstrap_replications", Integer.toString(s.bootstrapReplications()));
        m.put("seed", Long.toString(s.seed()));
        m.put("few_sites", Integer.toString(s.fewSites()));
        m.put("sites_per_arm", Integer.toString(s.sitesPerArm()));
        m.put("events_per_parameter", Integer.toString(s.eventsPerParameter()));
        m.put("weights", s.frames().isEmpty() ? "equal (no frames)" : "frame / coded cases per task force");
        return m;
    }
}
