/**
 * Benchmarks of the statistics engine: JMH benchmarks ({@link org.tfeval.bench.stats.LogisticGlmBenchmark},
 * {@link org.tfeval.bench.stats.GlmmLaplaceBenchmark}) on synthetic data generated with a fixed seed by
 * {@link org.tfeval.bench.stats.SyntheticData}, and a plain timing main
 * ({@link org.tfeval.bench.stats.StatsTimings}) for a quick look. Run with {@code bench/run-stats-bench.sh}.
 * Never unit tests: nothing here asserts a time.
 */
package org.tfeval.bench.stats;
