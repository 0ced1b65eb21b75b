package org.tfeval.stats.agreement;

/**
 * Chance-corrected agreement of two coders from their k x k table ({@code table[i][j]} = units coder A
 * put in category i and coder B in j). Definitions: observed agreement {@code Po} = diagonal share;
 * Cohen (1960) {@code Pe = sum pA(c) pB(c)} with each coder's own marginals; Scott (1955)
 * {@code Pe = sum ((pA(c) + pB(c)) / 2)^2} with pooled marginals; Bennett, Alpert and Goldstein (1954)
 * {@code S = (Po - 1/q) / (1 - 1/q)}; Cohen's {@code kappa_max} the largest kappa the marginals allow.
 */
public record TwoCoderAgreement(
        double units,
        int categories,
        double percentAgreement,
        double cohenExpected,
        double cohenKappa,
        double cohenKappaMax,
        double scottExpected,
        double scottPi,
        double bennettS) {

    /** Computes all coefficients from the table. */
    public static TwoCoderAgreement of(long[][] table) {
        int k = table.length;
        double n = 0;
        double[] a = new double[k];
        double[] b = new double[k];
        double diag = 0;
        for (int i = 0; i < k; i++) {
            if (table[i].length != k) {
                throw new IllegalArgumentException("the agreement table must be square");
            }
            for (int j = 0; j < k; j++) {
                n += table[i][j];
                a[i] += table[i][j];
                b[j] += table[i][j];
            }
            diag += table[i][i];
        }
        if (n <= 0) {
            throw new IllegalArgumentException("the agreement table is empty");
        }
        double po = diag / n;
        double pe = 0;
        double ps = 0;
        double pmax = 0;
        for (int c = 0; c < k; c++) {
            double pa = a[c] / n;
            double pb = b[c] / n;
            pe += pa * pb;
            ps += ((pa + pb) / 2) * ((pa + pb) / 2);
            pmax += Math.min(pa, pb);
        }
        double kappa = (po - pe) / (1 - pe);
        double kappaMax = (pmax - pe) / (1 - pe);
        double pi = (po - ps) / (1 - ps);
        double s = (po - 1.0 / k) / (1 - 1.0 / k);
        return new TwoCoderAgreement(n, k, po, pe, kappa, kappaMax, ps, pi, s);
    }

    /**
     * Cohen's (1968) weighted kappa with disagreement weights {@code v[i][j]} (0 on the diagonal):
     * {@code 1 - sum v p_o / sum v p_e}, {@code p_e} from the coders' own marginals.
     */
    public static double weightedKappa(long[][] table, double[][] disagreement) {
        int k = table.length;
        double n = 0;
        double[] a = new double[k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                n += table[i][j];
                a[i] += table[i][j];
                b[j] += table[i][j];
            }
        }
        double obs = 0;
        double exp = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                obs += disagreement[i][j] * table[i][j] / n;
                exp += disagreement[i][j] * (a[i] / n) * (b[j] / n);
            }
        }
        return 1 - obs / exp;
    }
}
