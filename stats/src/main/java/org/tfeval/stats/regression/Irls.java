package org.tfeval.stats.regression;

import java.util.List;
import org.tfeval.stats.linalg.CrossProducts;
import org.tfeval.stats.linalg.RowBlocks;
import org.tfeval.stats.linalg.SymmetricSolver;

/**
 * Iteratively reweighted least squares for a canonical-link GLM on raw column-major arrays, with an
 * optional offset (profile fits fix one coefficient through the offset). The first step starts from R's
 * starting means; later steps are Newton steps in score form, {@code beta += (X'WX)^-1 X'(y - mu)}, so
 * the fixed point is the exact score root whatever the rounding in the solve. Each pass over the data
 * computes the linear predictor, weights, {@code X'WX}, the score and the deviance in one sweep over row
 * blocks, in parallel for large data.
 */
final class Irls {

    private final Family family;
    private final double[][] x;
    private final double[] y;
    private final double[] offset;
    private final int n;
    private final int p;
    private final double[] eta;
    private final double[] w;
    private final double[] r;

    Irls(Family family, double[][] x, double[] y, double[] offset) {
        this.family = family;
        this.x = x;
        this.y = y;
        this.offset = offset;
        this.n = y.length;
        this.p = x.length;
        this.eta = new double[n];
        this.w = new double[n];
        this.r = new double[n];
    }

    /** State after one pass at given coefficients. */
    record Pass(double[] beta, double[] gram, double[] score, double deviance, double loglik, int boundary) {}

    /** Outcome of {@link #run}. */
    record Result(Pass last, SymmetricSolver solver, int iterations, boolean converged, double[] lastStep) {}

    /** The linear predictor of the most recent pass (shared array). */
    double[] eta() {
        return eta;
    }

    /** Weights of the most recent pass (shared array). */
    double[] weights() {
        return w;
    }

    /** Evaluates at {@code beta}: X'WX, X'(y - mu), deviance, log-likelihood. */
    Pass evaluate(double[] beta) {
        int packed = CrossProducts.packedSize(p);
        List<double[]> parts = RowBlocks.map(n, (from, to) -> {
            CrossProducts.linearPredictor(x, beta, offset, from, to, eta);
            double dev = 0;
            double ll = 0;
            int boundary = 0;
            for (int i = from; i < to; i++) {
                double e = eta[i];
                double mu = family.mean(e);
                w[i] = family.variance(mu);
                r[i] = y[i] - mu;
                double li = family.logLikelihood(y[i], e);
                ll += li;
                // Bernoulli: the saturated log-likelihood is 0, so the unit deviance is -2 l_i
                dev += family == Family.BINOMIAL_LOGIT ? -2 * li : family.deviance(y[i], e);
                if (family == Family.BINOMIAL_LOGIT
                        && (mu < GeneralizedLinearModel.BOUNDARY_PROBABILITY
                                || mu > 1 - GeneralizedLinearModel.BOUNDARY_PROBABILITY)) {
                    boundary++;
                }
            }
            double[] out = new double[packed + p + 3];
            double[] gram = new double[packed];
            CrossProducts.addWeighted(x, w, null, from, to, gram, null, new double[to - from]);
            System.arraycopy(gram, 0, out, 0, packed);
            for (int j = 0; j < p; j++) {
                out[packed + j] = CrossProducts.dotRange(x[j], r, from, to);
            }
            out[packed + p] = dev;
            out[packed + p + 1] = ll;
            out[packed + p + 2] = boundary;
            return out;
        });
        return merge(beta, parts, packed);
    }

    /**
     * The first IRLS step from R's starting means: weighted least squares of the working response
     * {@code z = eta0 - offset + (y - mu0) / w0} on X. Returns the coefficients.
     */
    double[] startingCoefficients() {
        int packed = CrossProducts.packedSize(p);
        double[] z = new double[n];
        List<double[]> parts = RowBlocks.map(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double mu = family.startingMean(y[i]);
                double e = family.link(mu);
                w[i] = family.variance(mu);
                z[i] = e - (offset == null ? 0 : offset[i]) + (y[i] - mu) / w[i];
            }
            double[] gram = new double[packed];
            double[] xwz = new double[p];
            CrossProducts.addWeighted(x, w, z, from, to, gram, xwz, new double[to - from]);
            double[] out = new double[packed + p];
            System.arraycopy(gram, 0, out, 0, packed);
            System.arraycopy(xwz, 0, out, packed, p);
            return out;
        });
        double[] gram = new double[packed];
        double[] xwz = new double[p];
        for (double[] part : parts) {
            for (int k = 0; k < packed; k++) {
                gram[k] += part[k];
            }
            for (int j = 0; j < p; j++) {
                xwz[j] += part[packed + j];
            }
        }
        SymmetricSolver s = SymmetricSolver.factorPacked(gram, p);
        return s == null ? null : s.solve(xwz);
    }

    /** Starting gram (at R's starting means), used for the collinearity check. */
    double[] startingGram() {
        int packed = CrossProducts.packedSize(p);
        List<double[]> parts = RowBlocks.map(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                w[i] = family.variance(family.startingMean(y[i]));
            }
            double[] gram = new double[packed];
            CrossProducts.addWeighted(x, w, null, from, to, gram, null, new double[to - from]);
            return gram;
        });
        double[] gram = new double[packed];
        for (double[] part : parts) {
            for (int k = 0; k < packed; k++) {
                gram[k] += part[k];
            }
        }
        return gram;
    }

    private Pass merge(double[] beta, List<double[]> parts, int packed) {
        double[] gram = new double[packed];
        double[] score = new double[p];
        double dev = 0;
        double ll = 0;
        int boundary = 0;
        for (double[] part : parts) {
            for (int k = 0; k < packed; k++) {
                gram[k] += part[k];
            }
            for (int j = 0; j < p; j++) {
                score[j] += part[packed + j];
            }
            dev += part[packed + p];
            ll += part[packed + p + 1];
            boundary += (int) part[packed + p + 2];
        }
        return new Pass(beta.clone(), gram, score, dev, ll, boundary);
    }

    /**
     * Newton iterations from {@code start} (null: R's starting means) until the largest relative step
     * {@code |d_j| / (|b_j| + 1)} is below {@code tolerance}; halves steps that increase the deviance.
     */
    Result run(double[] start, int maxIterations, double tolerance) {
        double[] beta = start != null ? start.clone() : startingCoefficients();
        if (beta == null) {
            return null;
        }
        Pass state = evaluate(beta);
        double[] step = new double[p];
        boolean converged = false;
        int iter = 0;
        SymmetricSolver solver = SymmetricSolver.factorPacked(state.gram(), p);
        while (iter < maxIterations && solver != null) {
            iter++;
            double[] delta = solver.solve(state.score());
            double[] next = add(beta, delta, 1.0);
            Pass trial = evaluate(next);
            int halvings = 0;
            while ((!Double.isFinite(trial.deviance()) || trial.deviance() > state.deviance() * (1 + 1e-12) + 1e-12)
                    && halvings < GeneralizedLinearModel.MAX_STEP_HALVINGS) {
                halvings++;
                next = add(beta, delta, Math.scalb(1.0, -halvings));
                trial = evaluate(next);
            }
            for (int j = 0; j < p; j++) {
                step[j] = next[j] - beta[j];
            }
            SymmetricSolver nextSolver = SymmetricSolver.factorPacked(trial.gram(), p);
            if (nextSolver == null) {
                // weights underflowed (typical of separation): keep the last usable state
                evaluate(beta);
                break;
            }
            beta = next;
            state = trial;
            solver = nextSolver;
            double maxRel = 0;
            for (int j = 0; j < p; j++) {
                maxRel = Math.max(maxRel, Math.abs(step[j]) / (Math.abs(beta[j]) + 1));
            }
            if (maxRel < tolerance) {
                converged = true;
                break;
            }
        }
        return new Result(state, solver, iter, converged && solver != null, step);
    }

    private static double[] add(double[] a, double[] d, double f) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] + f * d[j];
        }
        return out;
    }
}
