package org.tfeval.stats.agreement;

/**
 * Fleiss' (1971) kappa for N subjects each rated by the same number m of raters into k categories, from
 * {@code counts[subject][category]}: {@code P_i = (sum_j n_ij^2 - m) / (m (m - 1))}, {@code P_bar} their
 * mean, {@code p_j = sum_i n_ij / (N m)}, {@code Pe_bar = sum p_j^2}, {@code kappa = (P_bar - Pe_bar) / (1 -
 * Pe_bar)}; per category {@code kappa_j = 1 - sum_i n_ij (m - n_ij) / (N m (m - 1) p_j (1 - p_j))}.
 */
public record FleissKappa(
        int subjects,
        int raters,
        double[] subjectAgreement,
        double meanAgreement,
        double[] categoryShares,
        double expectedAgreement,
        double kappa,
        double[] categoryKappas) {

    /** Computes kappa; every subject must have the same number (at least 2) of ratings. */
    public static FleissKappa of(long[][] counts) {
        int n = counts.length;
        if (n == 0) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least one subject");
        }
        int k = counts[0].length;
        long m = 0;
        for (long v : counts[0]) {
            m += v;
        }
        if (m < 2) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least 2 ratings per subject");
        }
        double[] pi = new double[n];
        double[] pj = new double[k];
        double pBar = 0;
        for (int i = 0; i < n; i++) {
            long mi = 0;
            double sq = 0;
            for (int j = 0; j < k; j++) {
                mi += counts[i][j];
                sq += (double) counts[i][j] * counts[i][j];
                pj[j] += counts[i][j];
            }
            if (mi != m) {
                throw new IllegalArgumentException("subject " + i + " has " + mi + " ratings, others " + m);
            }
            pi[i] = (sq - m) / (m * (m - 1.0));
            pBar += pi[i];
        }
        pBar /= n;
        double pe = 0;
        for (int j = 0; j < k; j++) {
            pj[j] /= (double) n * m;
            pe += pj[j] * pj[j];
        }
        double[] kj = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += counts[i][j] * (double) (m - counts[i][j]);
            }
            kj[j] = 1 - s / ((double) n * m * (m - 1) * pj[j] * (1 - pj[j]));
        }
        return new FleissKappa(n, (int) m, pi, pBar, pj, pe, (pBar - pe) / (1 - pe), kj);
    }
}
