package org.tfeval.stats.agreement;

/**
 * Disagreement weights for Cohen's (1968) weighted kappa on ordered categories, by the distance between
 * the positions {@code i, j} of two categories in their (numeric) order, as R's {@code irr::kappa2}
 * ("equal" and "squared") does; scaling the weights does not change kappa.
 */
public enum KappaWeights {
    /** {@code 1} off the diagonal: Cohen's unweighted kappa. */
    NONE {
        @Override
        double weight(int i, int j) {
            return i == j ? 0 : 1;
        }
    },
    /** {@code |i - j|}. */
    LINEAR {
        @Override
        double weight(int i, int j) {
            return Math.abs(i - j);
        }
    },
    /** {@code (i - j)^2} (equal to the intraclass correlation in large samples; Fleiss and Cohen 1973). */
    QUADRATIC {
        @Override
        double weight(int i, int j) {
            return (double) (i - j) * (i - j);
        }
    };

    abstract double weight(int i, int j);

    /** The k x k disagreement matrix. */
    public double[][] matrix(int k) {
        double[][] v = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                v[i][j] = weight(i, j);
            }
        }
        return v;
    }

    /** Kappa of two coders' k x k table with these weights. */
    public double kappa(long[][] table) {
        return TwoCoderAgreement.weightedKappa(table, matrix(table.length));
    }
}
