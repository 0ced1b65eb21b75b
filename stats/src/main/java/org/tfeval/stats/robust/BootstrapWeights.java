package org.tfeval.stats.robust;

import org.apache.commons.rng.UniformRandomProvider;

/** Auxiliary weight distributions for the wild cluster bootstrap. */
public enum BootstrapWeights {

    /** +1 or -1 with probability 1/2 each; with G clusters only 2^G distinct draws exist. */
    RADEMACHER {
        @Override
        public double draw(UniformRandomProvider rng) {
            return rng.nextBoolean() ? 1.0 : -1.0;
        }
    },

    /**
     * Webb's (2014) six-point distribution: +-sqrt(1/2), +-1, +-sqrt(3/2), each with probability 1/6;
     * mean 0, variance 1, and 6^G distinct draws, for few clusters.
     */
    WEBB {
        private final double[] points = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

        @Override
        public double draw(UniformRandomProvider rng) {
            return points[rng.nextInt(6)];
        }
    };

    /** One weight. */
    public abstract double draw(UniformRandomProvider rng);
}
