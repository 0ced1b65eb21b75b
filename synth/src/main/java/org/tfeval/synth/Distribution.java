package org.tfeval.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A discrete distribution over integer codes, drawn by inversion. Immutable. */
final class Distribution {
    private final long[] codes;
    private final double[] cumulative;

    private Distribution(long[] codes, double[] weights) {
        if (codes.length == 0 || codes.length != weights.length) {
            throw new IllegalArgumentException("a distribution needs as many weights as codes, and at least one");
        }
        this.codes = codes.clone();
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0))
                throw new IllegalArgumentException("weight " + weights[i] + " of code " + codes[i] + " must be >= 0");
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0))
            throw new IllegalArgumentException("the weights of " + Arrays.toString(codes) + " sum to " + sum);
    }

    /** A distribution from pairs {@code code, weight, code, weight, ...}; weights need not sum to 1. */
    static Distribution of(double... codeWeightPairs) {
        if (codeWeightPairs.length % 2 != 0) throw new IllegalArgumentException("codes and weights must come in pairs");
        int n = codeWeightPairs.length / 2;
        long[] c = new long[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double code = codeWeightPairs[2 * i];
            if (code != Math.rint(code)) throw new IllegalArgumentException("code " + code + " is not a whole number");
            c[i] = (long) code;
            w[i] = codeWeightPairs[2 * i + 1];
        }
        return new Distribution(c, w);
    }

    /** A distribution from parallel arrays of codes and weights. */
    static Distribution of(long[] codes, double[] weights) {
        return new Distribution(codes, weights);
    }

    /** Draws a code. */
    long draw(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) return codes[i];
        }
        return codes[codes.length - 1];
    }

    /** Draws a code as an int (counts, small codes). */
    int drawInt(SplittableRandom rng) {
        return Math.toIntExact(draw(rng));
    }

    /** Whether a Bernoulli trial with probability p succeeds. */
    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** A standard normal number (Box-Muller with StrictMath, so the same bits on every machine). */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** An exponential number with the given mean (StrictMath, so the same bits on every machine). */
    static double exponential(SplittableRandom rng, double mean) {
        return -mean * StrictMath.log(1.0 - rng.nextDouble());
    }

    /** A uniform integer in [lo, hi]. */
    static int between(SplittableRandom rng, int lo, int hi) {
        if (hi < lo) throw new IllegalArgumentException("empty range " + lo + ".." + hi);
        return lo + rng.nextInt(hi - lo + 1);
    }
}
