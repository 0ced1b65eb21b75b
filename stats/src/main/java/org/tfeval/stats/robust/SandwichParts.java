package org.tfeval.stats.robust;

import java.util.List;
import java.util.Objects;
import org.tfeval.stats.design.Design;
import org.tfeval.stats.regression.GlmFit;
import org.tfeval.stats.regression.LinearFit;

/**
 * What a sandwich covariance needs from a fitted model: the design columns, the working variance
 * {@code v_i} (1 for OLS; {@code mu(1-mu)} or {@code mu} for canonical GLMs, where it is also
 * {@code d mu / d eta}), the response residuals {@code y - mu}, and the bread {@code M = (X'VX)^-1}.
 * {@code normalReference} is true for GLMs (z tests) and false for OLS (t tests).
 */
public record SandwichParts(
        String model,
        List<String> terms,
        double[] estimates,
        double[][] x,
        double[] variance,
        double[] residuals,
        double[][] bread,
        boolean normalReference) {

    public SandwichParts {
        Objects.requireNonNull(model, "model");
        terms = List.copyOf(terms);
        if (estimates.length != terms.size() || x.length != terms.size() || bread.length != terms.size()) {
            throw new IllegalArgumentException(
                    "estimates, columns and bread must match the " + terms.size() + " terms");
        }
        if (variance.length != residuals.length || (x.length > 0 && x[0].length != residuals.length)) {
            throw new IllegalArgumentException("variance, residuals and columns must have the same rows");
        }
    }

    /** Parts of a GLM fit on {@code design}. */
    public static SandwichParts of(Design design, GlmFit fit) {
        int n = design.rows();
        double[] v = new double[n];
        double[] e = new double[n];
        double[] mu = fit.fitted();
        double[] y = design.y();
        for (int i = 0; i < n; i++) {
            v[i] = fit.family().variance(mu[i]);
            e[i] = y[i] - mu[i];
        }
        return new SandwichParts(
                fit.family().modelName(), fit.terms(), fit.estimates(), design.columns(), v, e, fit.covariance(), true);
    }

    /** Parts of an OLS fit on {@code design}. */
    public static SandwichParts of(Design design, LinearFit fit) {
        int n = design.rows();
        int p = design.columnCount();
        double[] v = new double[n];
        double[] e = design.y().clone();
        java.util.Arrays.fill(v, 1.0);
        for (int j = 0; j < p; j++) {
            double b = fit.estimates()[j];
            double[] c = design.column(j);
            for (int i = 0; i < n; i++) {
                e[i] -= c[i] * b;
            }
        }
        double s2 = fit.residualSd() * fit.residualSd();
        double[][] bread = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                bread[a][b] = s2 > 0 ? fit.covariance()[a][b] / s2 : Double.NaN;
            }
        }
        if (!(s2 > 0)) {
            throw new IllegalArgumentException("an exact fit has no residuals to build a sandwich from");
        }
        return new SandwichParts("ols", fit.terms(), fit.estimates(), design.columns(), v, e, bread, false);
    }

    public int rows() {
        return residuals.length;
    }

    public int columns() {
        return terms.size();
    }
}
