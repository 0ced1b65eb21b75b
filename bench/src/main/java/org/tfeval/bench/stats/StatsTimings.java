package org.tfeval.bench.stats;

import java.util.Locale;
import java.util.function.Supplier;
import org.tfeval.stats.mixed.GlmmFit;
import org.tfeval.stats.mixed.RandomInterceptLogit;
import org.tfeval.stats.regression.GeneralizedLinearModel;
import org.tfeval.stats.regression.GlmFit;

/**
 * A quick wall-clock look at the two benchmark workloads without JMH (a few warm-up runs, then the best
 * and median of the timed runs). The JMH benchmarks are the reference figures.
 */
public final class StatsTimings {

    private StatsTimings() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(
                Locale.ROOT, "cores available: %d%n", Runtime.getRuntime().availableProcessors());
        SyntheticData.Data glm = SyntheticData.logistic(LogisticGlmBenchmark.ROWS, LogisticGlmBenchmark.PREDICTORS, 0);
        time("logistic GLM 1M x 20", runs, () -> {
            GlmFit f = GeneralizedLinearModel.logistic().fit(glm.design());
            return "iterations " + f.iterations() + ", deviance " + f.deviance();
        });
        SyntheticData.Data mixed = SyntheticData.logistic(
                GlmmLaplaceBenchmark.ROWS, GlmmLaplaceBenchmark.PREDICTORS, GlmmLaplaceBenchmark.GROUPS);
        time("GLMM Laplace 100k x 20, 50 groups", runs, () -> {
            GlmmFit f = RandomInterceptLogit.laplace().fit(mixed.design(), mixed.groups());
            return "iterations " + f.iterations() + ", SD " + f.randomInterceptSd() + ", loglik " + f.loglik();
        });
    }

    private static void time(String label, int runs, Supplier<String> work) {
        for (int w = 0; w < 2; w++) {
            work.get();
        }
        double[] ms = new double[runs];
        String info = "";
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            info = work.get();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf(
                Locale.ROOT, "%-36s best %8.0f ms   median %8.0f ms   (%s)%n", label, ms[0], ms[runs / 2], info);
    }
}
