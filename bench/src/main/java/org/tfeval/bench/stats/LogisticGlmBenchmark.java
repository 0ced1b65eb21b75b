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
import org.tfeval.stats.regression.GeneralizedLinearModel;
import org.tfeval.stats.regression.GlmFit;

/**
 * Logistic GLM by IRLS on 1,000,000 rows x 20 predictors (+ intercept). Target <= 1.0 s; R's {@code glm}
 * takes about 5.7 s on this kind of machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xms3g", "-Xmx6g"})
public class LogisticGlmBenchmark {

    /** Rows of the synthetic data. */
    public static final int ROWS = 1_000_000;

    /** Predictors besides the intercept. */
    public static final int PREDICTORS = 20;

    private SyntheticData.Data data;

    @Setup
    public void generate() {
        data = SyntheticData.logistic(ROWS, PREDICTORS, 0);
    }

    @Benchmark
    public GlmFit logisticGlm() {
        return GeneralizedLinearModel.logistic().fit(data.design());
    }
}
