package org.tfeval.stats.permutation;

/**
 * The exact two-sided permutation test of a difference in mean site-level values between two arms:
 * the statistic is {@code mean(arm) - mean(other)}; the p-value is the share of all {@code C(n, n1)} ways to
 * put {@code n1} of the {@code n} sites in the arm whose statistic is at least as far from zero as the observed
 * one (ties within {@link #TIE_TOLERANCE} count as at least as extreme). Under the null that the feature does
 * not change any site's value, every assignment is equally likely (a randomization test; here the sites
 * were not randomized, so it is a permutation test of exchangeability).
 *
 * <p>The smallest attainable p-value is {@code 2 / C(n, n1)} when the arms are equal in size (the most
 * extreme assignment and its mirror image give the same absolute statistic) and {@code 1 / C(n, n1)}
 * otherwise.
 */
public final class SitePermutationTest {
    /** Relative tolerance under which two statistics count as tied (floating-point sums of the same values). */
    public static final double TIE_TOLERANCE = 1e-9;
    /** Most sites enumerated: C(24, 12) = 2,704,156 assignments. */
    public static final int MAX_SITES = 24;

    /**
     * A result.
     *
     * @param difference   observed mean of the arm minus mean of the others
     * @param p            exact two-sided p-value
     * @param smallestP    the smallest p-value this split could give
     * @param assignments  number of assignments enumerated, C(n, n1)
     */
    public record Result(double difference, double p, double smallestP, long assignments) {}

    private SitePermutationTest() {}

    /** The smallest two-sided p-value an exact permutation test can reach with {@code inArm} of {@code sites} in the arm. */
    public static double smallestAttainable(int inArm, int sites) {
        if (inArm < 1 || inArm >= sites)
            throw new IllegalArgumentException("both arms need a site: " + inArm + " of " + sites);
        double c = binomial(sites, inArm);
        return Math.min(1, (2 * inArm == sites ? 2 : 1) / c);
    }

    /**
     * Runs the test.
     *
     * @param values one value per site (a rate)
     * @param inArm  whether each site is in the arm
     */
    public static Result test(double[] values, boolean[] inArm) {
        int n = values.length;
        if (inArm.length != n) throw new IllegalArgumentException("values and arms differ in length");
        if (n > MAX_SITES) throw new IllegalArgumentException("at most " + MAX_SITES + " sites, got " + n);
        int n1 = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) throw new IllegalArgumentException("site " + i + " has no value");
            total += values[i];
            if (inArm[i]) n1++;
        }
        if (n1 < 1 || n1 >= n) throw new IllegalArgumentException("both arms need a site: " + n1 + " of " + n);
        double obsSum = 0;
        for (int i = 0; i < n; i++) if (inArm[i]) obsSum += values[i];
        double observed = stat(obsSum, total, n1, n);
        double limit = Math.abs(observed) * (1 - TIE_TOLERANCE) - TIE_TOLERANCE;
        long count = 0;
        long all = 0;
        int[] idx = new int[n1];
        for (int k = 0; k < n1; k++) idx[k] = k;
        while (true) {
            double s = 0;
            for (int k = 0; k < n1; k++) s += values[idx[k]];
            all++;
            if (Math.abs(stat(s, total, n1, n)) >= limit) count++;
            int k = n1 - 1;
            while (k >= 0 && idx[k] == n - n1 + k) k--;
            if (k < 0) break;
            idx[k]++;
            for (int j = k + 1; j < n1; j++) idx[j] = idx[j - 1] + 1;
        }
        return new Result(observed, (double) count / all, smallestAttainable(n1, n), all);
    }

    private static double stat(double armSum, double total, int n1, int n) {
        return armSum / n1 - (total - armSum) / (n - n1);
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return Math.rint(c);
    }
}
