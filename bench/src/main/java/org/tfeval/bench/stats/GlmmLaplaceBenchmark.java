package org.tfeval.bench.stats;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tfeval.stats.mixed.GlmmFit;
import org.tfeval.stats.mixed.RandomInterceptLogit;

/**
 * Random-intercept logistic GLMM by the Laplace approximation (exact conditional modes) on 100,000 rows x
 * 20 predictors with 50 groups, including the Hessian-based standard errors. Target <= 2 s; lme4's
 * {@code glmer} takes about 148 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx3g"})
public class GlmmLaplaceBenchmark {

    /** Rows of the synthetic data. */
    public static final int ROWS = 100_000;

    /** Predictors besides the intercept. */
    public static final int PREDICTORS = 20;

    /** Random-intercept groups. */
    public static final int GROUPS = 50;

    private SyntheticData.Data data;

    @Setup
    public void generate() {
        data = SyntheticData.logistic(ROWS, PREDICTORS, GROUPS);
    }

    @Benchmark
    public GlmmFit glmmLaplace() {
        return RandomInterceptLogit.laplace().fit(data.design(), data.groups());
    }
}
