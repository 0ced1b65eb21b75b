package org.tfeval.stats.robust;

import org.apache.commons.rng.UniformRandomProvider;

/** Auxiliary weight distributions for the wild cluster bootstrap. */
public enum BootstrapWeights {

    /** +1 or -1 with probability 1/2 each; with G clusters only 2^G distinct draws exist. */
    RADEMACHER(new double[] {1.0, -1.0}),

    /**
     * Webb's (2014) six-point distribution: +-sqrt(1/2), +-1, +-sqrt(3/2), each with probability 1/6;
     * mean 0, variance 1, and 6^G distinct draws, for few clusters.
     */
    WEBB(new double[] {1.0, -1.0, Math.sqrt(0.5), -Math.sqrt(0.5), Math.sqrt(1.5), -Math.sqrt(1.5)});

    private final double[] points;

    BootstrapWeights(double[] points) {
        this.points = points;
    }

    /** One weight. */
    public double draw(UniformRandomProvider rng) {
        return points[rng.nextInt(points.length)];
    }

    /** Number of equally likely support points (2 or 6). */
    public int support() {
        return points.length;
    }

    /**
     * The weight vector of pattern {@code index} in {@code [0, support^clusters)}, cluster 0 the fastest
     * digit; pattern 0 is all ones (it reproduces the observed statistic).
     */
    double[] pattern(long index, int clusters) {
        double[] v = new double[clusters];
        long rest = index;
        for (int k = 0; k < clusters; k++) {
            v[k] = points[(int) (rest % points.length)];
            rest /= points.length;
        }
        return v;
    }
}
