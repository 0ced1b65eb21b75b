package org.tfeval.analysis.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.tfeval.stats.survey.ClusterMean;

/**
 * The sample design the shares are estimated with: a one-stage cluster sample with the task force as the
 * cluster, and a weight per task force, the inverse of its inclusion probability. By default the weights come from
 * the snapshot's recorded draw ({@link org.tfeval.snapshot.DrawDesign}): {@code w = N / n_used}, N the cases on the
 * task force's case list and n_used the draw's entries that were coded (a replacement coded in place of an unusable
 * sampled file counts as that entry, so n_used = n drawn when every unusable file was replaced). Frames given in the
 * settings ({@code AnalysisSettings.withFrames}, counted from a case list) override it, with {@code w = N / coded
 * cases}. When some task force with cases has neither, every case weighs 1 (the design is then "clustered, equal
 * weights", and {@link #weighted()} is false); {@link #unweighted} gives that design on purpose.
 *
 * <p>Estimates: stats' {@link ClusterMean} (R {@code survey}: {@code svydesign(ids = ~tf, weights = ~w)},
 * {@code svyciprop(method = "logit")}, df = task forces - 1).
 */
public final class SampleDesign {
    /** Where the weights come from. */
    public enum Source {
        /** The snapshot's recorded draw: N / entries coded. */
        RECORDED_DRAW("weighted by the inverse inclusion probability of each task force's recorded draw (case-list"
                + " cases / drawn entries coded, a replacement counting as the file it replaces)"),
        /** Frames passed in the settings: N / coded cases. */
        FRAMES_GIVEN("weighted by case-list cases / coded cases of each task force (frames given for this run)"),
        /** Equal weights. */
        EQUAL("equal weights (no recorded draw with frame sizes covers every task force with cases)");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        /** The weights in words, for table notes. */
        public String words() {
            return words;
        }
    }

    private final double[] weightBySite;
    private final Source source;
    private final Map<String, Double> fractions;

    private SampleDesign(double[] weightBySite, Source source, Map<String, Double> fractions) {
        this.weightBySite = weightBySite;
        this.source = source;
        this.fractions = fractions;
    }

    /**
     * The design of {@code data}: weights from {@code frames} (TF_ID to the number of cases on the task force's
     * case list) when given and every task force with cases has one; else from the snapshot's recorded draw when it
     * covers every task force with cases; else equal weights.
     */
    public static SampleDesign of(StudyData data, Map<String, Long> frames) {
        Objects.requireNonNull(frames, "frames");
        int sites = data.taskForces().size();
        long[] coded = new long[sites];
        FormData c = data.cases();
        for (int i = 0; i < c.rows(); i++) if (c.site(i) >= 0) coded[c.site(i)]++;
        double[] w = new double[sites];
        Arrays.fill(w, 1);
        Map<String, Double> fr = new LinkedHashMap<>();
        boolean all = true;
        if (!frames.isEmpty()) {
            for (TaskForce t : data.taskForces()) {
                if (coded[t.index()] == 0) continue;
                Long n = frames.get(t.id());
                if (n == null || n < coded[t.index()]) {
                    all = false;
                    continue;
                }
                w[t.index()] = (double) n / coded[t.index()];
                fr.put(t.id(), coded[t.index()] / (double) n);
            }
            if (all && !fr.isEmpty())
                return new SampleDesign(w, Source.FRAMES_GIVEN, java.util.Collections.unmodifiableMap(fr));
            return unweighted(data);
        }
        org.tfeval.snapshot.DrawDesign design = data.drawDesign();
        if (design.isEmpty()) return unweighted(data);
        for (TaskForce t : data.taskForces()) {
            if (coded[t.index()] == 0) continue;
            var d = design.site(t.id());
            if (d.isEmpty() || d.get().used() == 0) {
                all = false;
                continue;
            }
            w[t.index()] = d.get().weight();
            fr.put(t.id(), d.get().inclusionProbability());
        }
        if (!all || fr.isEmpty()) return unweighted(data);
        return new SampleDesign(w, Source.RECORDED_DRAW, java.util.Collections.unmodifiableMap(fr));
    }

    /** The same clustered design with every case weighing 1: the unweighted design-based alternative. */
    public static SampleDesign unweighted(StudyData data) {
        return new SampleDesign(equal(data.taskForces().size()), Source.EQUAL, Map.of());
    }

    private static double[] equal(int sites) {
        double[] w = new double[sites];
        Arrays.fill(w, 1);
        return w;
    }

    /** Whether the shares are weighted (a design known for every task force with cases). */
    public boolean weighted() {
        return source != Source.EQUAL;
    }

    /** Where the weights come from. */
    public Source source() {
        return source;
    }

    /** Inclusion probability (sampling fraction) of each weighted task force. */
    public Map<String, Double> fractions() {
        return fractions;
    }

    /** The weight of a case of task force {@code site}. */
    public double weight(int site) {
        return weightBySite[site];
    }

    /**
     * The design-based estimate of the share of rows {@code 0..n-1} that {@code domain} accepts whose
     * {@code status} is {@link Share#EVENT} among those with {@link Share#EVENT} or {@link Share#NO_EVENT}. Rows
     * outside the domain or with a missing status stay in the design (their task force counts as a cluster):
     * domain estimation, as {@code svyciprop} on a subset. Rows without a task force are left out.
     */
    public DesignEstimate share(
            int n, IntUnaryOperator siteOf, IntPredicate domain, IntUnaryOperator status, double confidence) {
        int rows = 0;
        for (int i = 0; i < n; i++) if (siteOf.applyAsInt(i) >= 0) rows++;
        double[] y = new double[rows];
        double[] w = new double[rows];
        int[] g = new int[rows];
        int k = 0;
        long trials = 0;
        for (int i = 0; i < n; i++) {
            int site = siteOf.applyAsInt(i);
            if (site < 0) continue;
            int s = domain.test(i) ? status.applyAsInt(i) : Integer.MIN_VALUE;
            y[k] = s == Share.EVENT ? 1 : s == Share.NO_EVENT ? 0 : Double.NaN;
            if (!Double.isNaN(y[k])) trials++;
            w[k] = weightBySite[site];
            g[k] = site;
            k++;
        }
        if (trials == 0) return DesignEstimate.NONE;
        ClusterMean m = ClusterMean.of(y, w, g);
        if (m.domainClusters() < 2 || m.estimate() == 0 || m.estimate() == 1)
            return new DesignEstimate(m.estimate(), Interval.NONE, m.clusters());
        double[] ci = m.interval(ClusterMean.Method.LOGIT, confidence);
        return new DesignEstimate(m.estimate(), new Interval(ci[0], ci[1]), m.clusters());
    }

    /** Words for a table note: what the design-based columns are. */
    public String describe(String confidenceLabel) {
        return "'%' and its " + confidenceLabel + " interval are design-based: "
                + source.words()
                + ", task force as the cluster, Taylor linearization, logit-scale interval with task forces - 1 "
                + "degrees of freedom (as R survey's svyciprop); no interval when the share is 0% or 100% or fewer "
                + "than 2 task forces. The unweighted share and its Wilson interval, which treat cases as "
                + "independent, are in the last columns.";
    }
}
