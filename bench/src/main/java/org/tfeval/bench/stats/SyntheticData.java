package org.tfeval.bench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.design.Grouping;

/**
 * Synthetic logistic data with a fixed seed: {@code predictors} standard-normal columns (every fourth one
 * 0/1 instead), coefficients {@code 0.1 * (-1)^j}, intercept -0.5, optionally a normal random intercept
 * with SD {@link #GROUP_SD} for each of {@code groups} equally likely groups.
 */
public final class SyntheticData {

    /** Fixed seed of every benchmark data set. */
    public static final long SEED = 20_251_121L;

    /** SD of the group intercepts in the mixed-model data. */
    public static final double GROUP_SD = 0.5;

    private SyntheticData() {}

    /** A design (intercept + predictors) and, when groups > 0, the grouping. */
    public record Data(Design design, Grouping groups) {}

    /** Generates {@code rows} x {@code predictors} data with {@code groups} random-intercept groups (0: none). */
    public static Data logistic(int rows, int predictors, int groups) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int p = predictors + 1;
        double[][] x = new double[p][rows];
        Arrays.fill(x[0], 1.0);
        List<String> names = new ArrayList<>();
        names.add("intercept");
        for (int j = 1; j < p; j++) {
            names.add("x" + j);
            for (int i = 0; i < rows; i++) {
                x[j][i] = j % 4 == 0 ? (rng.nextDouble() < 0.3 ? 1.0 : 0.0) : normal.sample();
            }
        }
        double[] groupEffect = new double[Math.max(groups, 1)];
        for (int k = 0; k < groups; k++) {
            groupEffect[k] = GROUP_SD * normal.sample();
        }
        int[] g = new int[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double eta = -0.5;
            for (int j = 1; j < p; j++) {
                eta += (j % 2 == 0 ? 0.1 : -0.1) * x[j][i];
            }
            if (groups > 0) {
                g[i] = rng.nextInt(groups);
                eta += groupEffect[g[i]];
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1.0 : 0.0;
        }
        Design d = Design.of("y", y, names, x, true);
        return new Data(d, groups > 0 ? Grouping.ofIndices("group", g, groups) : null);
    }
}
