/**
 * Disproportionality: race shares of suspects and survivors set against a population benchmark
 * the user supplies per jurisdiction ({@link org.tfeval.analysis.disparity.PopulationBenchmark}), as
 * ratios and differences with intervals from the {@code stats} module.
 */
package org.tfeval.analysis.disparity;
