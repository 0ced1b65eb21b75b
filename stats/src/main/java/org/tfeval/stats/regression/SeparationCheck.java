package org.tfeval.stats.regression;

import java.util.ArrayList;
import java.util.List;
import org.tfeval.stats.model.FitWarning;

/**
 * Confirms separation from the direction in which IRLS diverges. When maximum-likelihood estimates do
 * not exist, Newton steps settle on a direction {@code d} along which the likelihood keeps rising. For
 * a logistic model {@code d} certifies separation when {@code (2 y_i - 1) x_i'd >= 0} for every row
 * (Albert and Anderson 1984): complete when all are strictly positive, quasi-complete otherwise. For a
 * Poisson model {@code d} certifies infinite estimates when {@code x_i'd = 0} for positive counts and
 * {@code x_i'd <= 0} for zero counts. The check is exact given {@code d}; it is run only when IRLS fails
 * to converge or fitted probabilities reach 0 or 1.
 */
final class SeparationCheck {

    private SeparationCheck() {}

    /** A certificate from direction {@code d}, or null when {@code d} does not certify separation. */
    static Separation fromDirection(Family family, double[][] x, double[] y, double[] d, List<String> names) {
        int p = x.length;
        int n = y.length;
        double dNorm = 0;
        double dMax = 0;
        for (double v : d) {
            dNorm = Math.hypot(dNorm, v);
            dMax = Math.max(dMax, Math.abs(v));
        }
        if (!(dNorm > 0)) {
            return null;
        }
        boolean allStrict = true;
        for (int i = 0; i < n; i++) {
            double xd = 0;
            double xNorm = 0;
            for (int j = 0; j < p; j++) {
                xd += x[j][i] * d[j];
                xNorm = Math.hypot(xNorm, x[j][i]);
            }
            double slack = GeneralizedLinearModel.SEPARATION_TOLERANCE * xNorm * dNorm;
            if (family == Family.BINOMIAL_LOGIT) {
                double s = (2 * y[i] - 1) * xd;
                if (s < -slack) {
                    return null;
                }
                if (s <= slack) {
                    allStrict = false;
                }
            } else {
                if (y[i] > 0 ? Math.abs(xd) > slack : xd > slack) {
                    return null;
                }
            }
        }
        List<String> terms = new ArrayList<>();
        double[] unit = new double[p];
        for (int j = 0; j < p; j++) {
            unit[j] = d[j] / dNorm;
            if (Math.abs(d[j]) >= GeneralizedLinearModel.SEPARATION_TERM_SHARE * dMax) {
                terms.add(names.get(j));
            }
        }
        return new Separation(family == Family.BINOMIAL_LOGIT && allStrict, terms, unit);
    }

    /** The warning that reports a separation. */
    static FitWarning warning(Family family, Separation s) {
        String terms = String.join(", ", s.terms());
        if (family != Family.BINOMIAL_LOGIT) {
            return new FitWarning(
                    FitWarning.INFINITE_ESTIMATE,
                    "zero counts make the estimates of " + terms
                            + " tend to minus infinity; their Wald statistics are meaningless");
        }
        if (s.complete()) {
            return new FitWarning(
                    FitWarning.COMPLETE_SEPARATION,
                    "complete separation: a combination of "
                            + terms + " predicts every outcome perfectly, so maximum-likelihood estimates do not exist;"
                            + " consider model 'firth'");
        }
        return new FitWarning(
                FitWarning.QUASI_COMPLETE_SEPARATION,
                "quasi-complete separation: a combination of "
                        + terms + " predicts the outcome perfectly for some rows, so their estimates are infinite and"
                        + " their standard errors meaningless; consider model 'firth'");
    }
}
