package org.tfeval.synth;

import java.util.SplittableRandom;

/**
 * Makes a count summed over cases (victims, suspects) hit an exact total while each case keeps a
 * count drawn from its own distribution. A first pass observes every case's drawn count; the
 * difference to the target is then spread over the cases by systematic sampling, in proportion
 * to a weight (cases that can grow, or the part of a count above its minimum), in a second pass
 * that sees the cases in the same order. Memory is constant.
 */
final class CountAllocator {
    private long cases;
    private long rawTotal;
    private long growable;
    private long shrinkable;

    private boolean planned;
    private long delta;
    private long weight;
    private double offset;
    private long cumulative;

    /** Pass 1: a case's drawn count, its smallest allowed count, and its weight for receiving extra units. */
    void observe(int raw, int min, int growWeight) {
        check(raw, min, growWeight);
        if (planned) throw new IllegalStateException("observe() after plan()");
        cases++;
        rawTotal += raw;
        growable += growWeight;
        shrinkable += raw - min;
    }

    /** Fixes the adjustment; the target is met exactly when enough cases can grow or shrink. */
    void plan(long target, SplittableRandom rng) {
        if (target < 0) throw new IllegalArgumentException("target " + target + " must be >= 0");
        long d = target - rawTotal;
        if (d > 0) {
            weight = growable;
            delta = weight == 0 ? 0 : d;
        } else {
            weight = shrinkable;
            delta = Math.max(d, -weight);
        }
        offset = 0.01 + 0.98 * rng.nextDouble();
        planned = true;
    }

    /** The total after adjustment. */
    long total() {
        if (!planned) throw new IllegalStateException("total() before plan()");
        return rawTotal + delta;
    }

    /** Pass 2: the adjusted count of the next case, given the same arguments as in pass 1. */
    int adjust(int raw, int min, int growWeight) {
        check(raw, min, growWeight);
        if (!planned) throw new IllegalStateException("adjust() before plan()");
        if (delta == 0) return raw;
        long w = delta > 0 ? growWeight : raw - min;
        long units = unitsBefore(cumulative + w) - unitsBefore(cumulative);
        cumulative += w;
        if (delta < 0) units = Math.min(units, w); // never below the minimum, whatever the rounding
        return Math.toIntExact(delta > 0 ? raw + units : raw - units);
    }

    /** Systematic positions (offset + k) * weight / |delta|, k = 0..|delta|-1, that lie below x. */
    private long unitsBefore(long x) {
        long n = Math.abs(delta);
        double k = Math.ceil((double) (x * n) / weight - offset);
        return (long) Math.max(0, Math.min(n, k));
    }

    private static void check(int raw, int min, int growWeight) {
        if (min < 0 || raw < min || growWeight < 0) {
            throw new IllegalArgumentException(
                    "count " + raw + " must be >= its minimum " + min + " >= 0, weight " + growWeight + " >= 0");
        }
    }
}
