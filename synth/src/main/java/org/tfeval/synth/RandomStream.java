package org.tfeval.synth;

import java.util.SplittableRandom;

/**
 * The independent random streams of a study, each derived from the master seed and a path
 * (site, case), so that every record is the same on every machine and whatever the order in
 * which parts are generated.
 */
enum RandomStream {
    /** Task-force characteristics and the allocation of cases to sites. */
    SITES,
    /** The sample of case skeletons that calibrates the outcome model. */
    CALIBRATION,
    /** A site's list of closed cases and the draw of the sample from it. */
    FRAME,
    /** Everything about one sampled case, its victims, suspects and offenses. */
    CASE,
    /** The offsets of the systematic adjustment that makes victim and suspect totals exact. */
    ALLOCATION,
    /** Which records carry deliberately injected errors. */
    ERRORS,
    /** Which drawn case files of a recorded draw turn out unusable ({@link CodedDraw}). */
    UNUSABLE;

    /** A generator for this stream, the master seed and the path. */
    SplittableRandom open(long seed, long... path) {
        long h = mix(seed + 0x9E3779B97F4A7C15L * (ordinal() + 1));
        for (long p : path) {
            h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
        }
        return new SplittableRandom(h);
    }

    /** The SplitMix64 finalizer: a bijective mix of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
