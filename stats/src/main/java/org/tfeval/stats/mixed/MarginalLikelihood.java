package org.tfeval.stats.mixed;

import java.util.stream.IntStream;
import org.tfeval.stats.linalg.CrossProducts;

/**
 * The marginal deviance {@code D(sigma, beta) = -2 log L} of a random-intercept logistic model and its
 * exact gradient, with each group's intercept {@code sigma u_k}, {@code u_k ~ N(0, 1)}, integrated by
 * adaptive Gauss-Hermite quadrature around the conditional mode (one node = the Laplace approximation).
 * Matches lme4's objective: per group {@code g(u) = -2 sum l_i + u^2} at the mode, plus {@code log L^2},
 * {@code L^2 = 1 + sigma^2 sum w_i}, minus {@code 2 log} of the quadrature sum (lme4 {@code glmerAGQ}).
 * <p>
 * Rows are stored sorted by group so that each group is a contiguous range; groups are processed in
 * parallel and their contributions summed in group order (deterministic). Conditional modes are kept
 * between calls as warm starts. Not thread-safe: one evaluation at a time.
 */
final class MarginalLikelihood {

    /** Newton on a group's mode stops when the step is below this (relative to 1 + |u|). */
    static final double MODE_TOLERANCE = 1e-13;

    /** Iteration cap for a group's mode. */
    static final int MODE_MAX_ITERATIONS = 100;

    private final int n;
    private final int p;
    private final int groups;
    private final double[][] x;
    private final double[] y;
    private final int[] start;
    private final GaussHermite rule;
    private final double[] modes;
    private final double[] eta;

    MarginalLikelihood(double[][] x, double[] y, int[] start, GaussHermite rule) {
        this.x = x;
        this.y = y;
        this.start = start;
        this.rule = rule;
        this.n = y.length;
        this.p = x.length;
        this.groups = start.length - 1;
        this.modes = new double[groups];
        this.eta = new double[n];
    }

    int rows() {
        return n;
    }

    int parameters() {
        return p + 1;
    }

    int groups() {
        return groups;
    }

    /** Conditional modes u_k of the last evaluation (standardised scale). */
    double[] modes() {
        return modes.clone();
    }

    /** Result of one evaluation: deviance, gradient over (sigma, beta), optional Schur approximation of the beta Hessian. */
    record Value(double deviance, double[] gradient, double[][] betaHessian) {}

    /** Per-group pieces. */
    private record Part(double deviance, double[] gradient, double[] gram, double[] wx, double l2) {}

    Value evaluate(double sigma, double[] beta, boolean wantHessian) {
        // per group (in parallel): fixed-effect linear predictor, mode, contributions
        Part[] parts = new Part[groups];
        IntStream.range(0, groups).parallel().forEach(k -> {
            CrossProducts.linearPredictor(x, beta, null, start[k], start[k + 1], eta);
            parts[k] = group(k, sigma, wantHessian);
        });
        double dev = 0;
        double[] grad = new double[p + 1];
        double[] gram = wantHessian ? new double[CrossProducts.packedSize(p)] : null;
        double[][] schur = wantHessian ? new double[p][p] : null;
        for (Part part : parts) {
            dev += part.deviance;
            for (int j = 0; j <= p; j++) {
                grad[j] += part.gradient[j];
            }
            if (wantHessian) {
                for (int k = 0; k < gram.length; k++) {
                    gram[k] += part.gram[k];
                }
                double f = sigma * sigma / part.l2;
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        schur[a][b] -= f * part.wx[a] * part.wx[b];
                    }
                }
            }
        }
        double[][] hess = null;
        if (wantHessian) {
            hess = CrossProducts.unpack(gram, p);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    hess[a][b] = 2 * (hess[a][b] + schur[a][b]);
                }
            }
        }
        return new Value(dev, grad, hess);
    }

    private Part group(int k, double sigma, boolean wantHessian) {
        int from = start[k];
        int to = start[k + 1];
        int m = to - from;
        // 1. conditional mode by safeguarded Newton on g(u)/2
        double u = modes[k];
        double[] s = new double[3];
        sums(from, to, sigma, u, s);
        for (int it = 0; it < MODE_MAX_ITERATIONS; it++) {
            double g1 = -sigma * s[1] + u;
            double g2 = sigma * sigma * s[2] + 1;
            double du = -g1 / g2;
            if (Math.abs(du) < MODE_TOLERANCE * (1 + Math.abs(u))) {
                break;
            }
            double gPrev = s[0];
            double uNew = u + du;
            sums(from, to, sigma, uNew, s);
            int halvings = 0;
            while (s[0] > gPrev + 1e-13 * Math.abs(gPrev) && halvings < 50) {
                du *= 0.5;
                uNew = u + du;
                sums(from, to, sigma, uNew, s);
                halvings++;
            }
            u = uNew;
        }
        modes[k] = u;

        // 2. quantities at the mode
        double[] r = new double[m];
        double[] w = new double[m];
        double[] w1 = new double[m];
        double g0 = u * u;
        double r0 = 0;
        double sumW = 0;
        double sumW1 = 0;
        for (int i = 0; i < m; i++) {
            double e = eta[from + i] + sigma * u;
            double mu = logistic(e);
            r[i] = y[from + i] - mu;
            w[i] = mu * (1 - mu);
            w1[i] = w[i] * (1 - 2 * mu);
            g0 -= 2 * loglik(y[from + i], e);
            r0 += r[i];
            sumW += w[i];
            sumW1 += w1[i];
        }
        double[] rx = new double[p];
        double[] wx = new double[p];
        double[] w1x = new double[p];
        for (int j = 0; j < p; j++) {
            rx[j] = CrossProducts.dot(r, x[j], from, m);
            wx[j] = CrossProducts.dot(w, x[j], from, m);
            w1x[j] = CrossProducts.dot(w1, x[j], from, m);
        }
        double l2 = 1 + sigma * sigma * sumW;
        // implicit derivatives of the mode
        double[] duB = new double[p];
        for (int j = 0; j < p; j++) {
            duB[j] = -sigma * wx[j] / l2;
        }
        double duS = (r0 - sigma * sumW * u) / l2;
        double[] dlB = new double[p];
        for (int j = 0; j < p; j++) {
            dlB[j] = sigma * sigma * (w1x[j] + sigma * sumW1 * duB[j]) / l2;
        }
        double dlS = (2 * sigma * sumW + sigma * sigma * (sumW1 * u + sigma * sumW1 * duS)) / l2;

        double dev;
        double[] grad = new double[p + 1];
        int q = rule.nodes().length;
        if (q == 1) {
            dev = g0 + Math.log(l2);
            grad[0] = -2 * u * r0 + dlS;
            for (int j = 0; j < p; j++) {
                grad[j + 1] = -2 * rx[j] + dlB[j];
            }
        } else {
            double sd = 1 / Math.sqrt(l2);
            double[] logA = new double[q];
            double[][] dg = new double[q][p + 1];
            double dsS = -0.5 * sd * dlS;
            double[] rq = new double[m];
            for (int t = 0; t < q; t++) {
                double z = rule.nodes()[t];
                double uq = u + z * sd;
                double gq = uq * uq;
                double rq0 = 0;
                for (int i = 0; i < m; i++) {
                    double e = eta[from + i] + sigma * uq;
                    rq[i] = y[from + i] - logistic(e);
                    gq -= 2 * loglik(y[from + i], e);
                    rq0 += rq[i];
                }
                logA[t] = Math.log(rule.weights()[t]) + 0.5 * z * z - 0.5 * (gq - g0);
                double gPrime = -2 * sigma * rq0 + 2 * uq;
                dg[t][0] = -2 * uq * rq0 + gPrime * (duS + z * dsS);
                for (int j = 0; j < p; j++) {
                    double rqx = CrossProducts.dot(rq, x[j], from, m);
                    double dsB = -0.5 * sd * dlB[j];
                    dg[t][j + 1] = -2 * rqx + gPrime * (duB[j] + z * dsB);
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logA) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : logA) {
                sum += Math.exp(v - max);
            }
            double logSum = max + Math.log(sum);
            dev = g0 + Math.log(l2) - 2 * logSum;
            for (int t = 0; t < q; t++) {
                double pi = Math.exp(logA[t] - logSum);
                for (int j = 0; j <= p; j++) {
                    grad[j] += pi * dg[t][j];
                }
            }
            grad[0] += dlS;
            for (int j = 0; j < p; j++) {
                grad[j + 1] += dlB[j];
            }
        }
        double[] gram = null;
        if (wantHessian) {
            gram = new double[CrossProducts.packedSize(p)];
            CrossProducts.addWeightedLocal(x, w, from, to, gram, new double[m]);
        }
        return new Part(dev, grad, gram, wx, l2);
    }

    /** Fixed-effect linear predictor {@code X beta} in the stored (group-sorted) row order. */
    double[] fixedPredictor(double[] beta) {
        double[] out = new double[n];
        IntStream.range(0, groups)
                .parallel()
                .forEach(k -> CrossProducts.linearPredictor(x, beta, null, start[k], start[k + 1], out));
        return out;
    }

    /** Column j of the stored design (group-sorted rows). */
    double[] column(int j) {
        return x[j];
    }

    /**
     * The deviance as lme4 evaluates it with its default PIRLS ({@code pwrssUpdate} with {@code uOnly}):
     * start from the linear predictor {@code lp0}, iterate penalized IRLS steps on all group modes
     * together until the penalized deviance changes by less than {@code tol} relatively (halving steps
     * that increase it, at most {@code maxStepHalvings} times), and combine {@code log L^2} computed from
     * the weights at the start of the last iteration with the penalized deviance at its end. With
     * quadrature points the nodes sit around the final modes with those lagged scales (lme4
     * {@code glmerAGQ}).
     */
    double lme4Deviance(
            double sigma, double[] fixed, double[] lp0, double tol, int maxIterations, int maxStepHalvings) {
        double[] etaCur = lp0.clone();
        double[] u = new double[groups];
        double[] uOld = new double[groups];
        double[] l2 = new double[groups];
        double oldPdev = Double.MAX_VALUE;
        double pdev = Double.NaN;
        for (int it = 0; it < maxIterations; it++) {
            System.arraycopy(u, 0, uOld, 0, groups);
            final double[] e = etaCur;
            IntStream.range(0, groups).parallel().forEach(k -> {
                double sw = 0;
                double swz = 0;
                for (int i = start[k]; i < start[k + 1]; i++) {
                    double mu = logistic(e[i]);
                    double w = mu * (1 - mu);
                    double z = (e[i] - fixed[i]) + (y[i] - mu) / w;
                    sw += w;
                    swz += w * z;
                }
                l2[k] = 1 + sigma * sigma * sw;
                u[k] = sigma * swz / l2[k];
            });
            pdev = penalizedDeviance(sigma, fixed, u, etaCur);
            if (Math.abs((oldPdev - pdev) / pdev) < tol) {
                break;
            }
            if (Double.isNaN(pdev) || pdev > oldPdev) {
                for (int h = 0; h < maxStepHalvings && (Double.isNaN(pdev) || pdev > oldPdev); h++) {
                    for (int k = 0; k < groups; k++) {
                        u[k] = 0.5 * (uOld[k] + u[k]);
                    }
                    pdev = penalizedDeviance(sigma, fixed, u, etaCur);
                }
            }
            oldPdev = pdev;
        }
        double ldL2 = 0;
        for (double v : l2) {
            ldL2 += Math.log(v);
        }
        int q = rule.nodes().length;
        if (q == 1) {
            return ldL2 + pdev;
        }
        double[] logMult = new double[groups];
        IntStream.range(0, groups).parallel().forEach(k -> {
            double sd = 1 / Math.sqrt(l2[k]);
            double g0 = groupPenalizedDeviance(k, sigma, fixed, u[k]);
            double max = Double.NEGATIVE_INFINITY;
            double[] la = new double[q];
            for (int t = 0; t < q; t++) {
                double z = rule.nodes()[t];
                double gq = groupPenalizedDeviance(k, sigma, fixed, u[k] + z * sd);
                la[t] = Math.log(rule.weights()[t]) + 0.5 * z * z - 0.5 * (gq - g0);
                max = Math.max(max, la[t]);
            }
            double sum = 0;
            for (double v : la) {
                sum += Math.exp(v - max);
            }
            logMult[k] = max + Math.log(sum);
        });
        double total = pdev + ldL2;
        for (double v : logMult) {
            total -= 2 * v;
        }
        return total;
    }

    /** Sum over groups of {@code -2 sum l_i + u_k^2}; writes the linear predictor into {@code etaOut}. */
    private double penalizedDeviance(double sigma, double[] fixed, double[] u, double[] etaOut) {
        double[] parts = new double[groups];
        IntStream.range(0, groups).parallel().forEach(k -> {
            double g = u[k] * u[k];
            for (int i = start[k]; i < start[k + 1]; i++) {
                double e = fixed[i] + sigma * u[k];
                etaOut[i] = e;
                g -= 2 * loglik(y[i], e);
            }
            parts[k] = g;
        });
        double s = 0;
        for (double v : parts) {
            s += v;
        }
        return s;
    }

    private double groupPenalizedDeviance(int k, double sigma, double[] fixed, double uk) {
        double g = uk * uk;
        for (int i = start[k]; i < start[k + 1]; i++) {
            g -= 2 * loglik(y[i], fixed[i] + sigma * uk);
        }
        return g;
    }

    /**
     * The nAGQ = 0 criterion at {@code sigma}: the joint mode of (beta, u) by Newton steps (Schur
     * complement on beta), returning {@code sum log L^2 + penalized deviance}; the joint mode's linear
     * predictor goes to {@code etaOut} and beta to {@code betaInOut} (also the start).
     */
    double jointModeDeviance(double sigma, double[] betaInOut, double[] etaOut) {
        double[] beta = betaInOut;
        double[] u = modes.clone();
        double prev = Double.POSITIVE_INFINITY;
        double dev = Double.NaN;
        for (int it = 0; it < 200; it++) {
            double[] fixed = fixedPredictor(beta);
            double[] gb = new double[p];
            double[] packed = new double[CrossProducts.packedSize(p)];
            double[][] wx = new double[groups][p];
            double[] gu = new double[groups];
            double[] l2 = new double[groups];
            double pd = 0;
            double ld = 0;
            double[] w = new double[n];
            double[] r = new double[n];
            for (int k = 0; k < groups; k++) {
                double sw = 0;
                double sr = 0;
                for (int i = start[k]; i < start[k + 1]; i++) {
                    double e = fixed[i] + sigma * u[k];
                    etaOut[i] = e;
                    double mu = logistic(e);
                    w[i] = mu * (1 - mu);
                    r[i] = y[i] - mu;
                    sw += w[i];
                    sr += r[i];
                    pd -= 2 * loglik(y[i], e);
                }
                pd += u[k] * u[k];
                l2[k] = 1 + sigma * sigma * sw;
                ld += Math.log(l2[k]);
                gu[k] = sigma * sr - u[k];
                for (int j = 0; j < p; j++) {
                    wx[k][j] = dotRange(w, x[j], start[k], start[k + 1]);
                }
            }
            dev = pd + ld;
            for (int j = 0; j < p; j++) {
                gb[j] = dotRange(r, x[j], 0, n);
            }
            CrossProducts.addWeighted(x, w, null, 0, n, packed, null, new double[n]);
            double[][] schur = CrossProducts.unpack(packed, p);
            double[] rhs = gb.clone();
            for (int k = 0; k < groups; k++) {
                for (int a = 0; a < p; a++) {
                    rhs[a] -= sigma * wx[k][a] * gu[k] / l2[k];
                    for (int b = 0; b < p; b++) {
                        schur[a][b] -= sigma * sigma * wx[k][a] * wx[k][b] / l2[k];
                    }
                }
            }
            org.tfeval.stats.linalg.SymmetricSolver s = org.tfeval.stats.linalg.SymmetricSolver.factor(schur);
            if (s == null) {
                break;
            }
            double[] db = s.solve(rhs);
            double maxStep = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += db[j];
                maxStep = Math.max(maxStep, Math.abs(db[j]) / (1 + Math.abs(beta[j])));
            }
            for (int k = 0; k < groups; k++) {
                double dot = 0;
                for (int j = 0; j < p; j++) {
                    dot += wx[k][j] * db[j];
                }
                double du = (gu[k] - sigma * dot) / l2[k];
                u[k] += du;
                maxStep = Math.max(maxStep, Math.abs(du) / (1 + Math.abs(u[k])));
            }
            if (maxStep < MODE_TOLERANCE * 1e3 || Math.abs(prev - dev) < 1e-14 * Math.abs(dev)) {
                break;
            }
            prev = dev;
        }
        double[] fixed = fixedPredictor(beta);
        for (int k = 0; k < groups; k++) {
            for (int i = start[k]; i < start[k + 1]; i++) {
                etaOut[i] = fixed[i] + sigma * u[k];
            }
        }
        return dev;
    }

    private static double dotRange(double[] a, double[] b, int from, int to) {
        return CrossProducts.dotRange(a, b, from, to);
    }

    /** s[0] = g(u), s[1] = sum (y - mu), s[2] = sum w, for group rows at mode candidate u. */
    private void sums(int from, int to, double sigma, double u, double[] s) {
        double g = u * u;
        double r = 0;
        double w = 0;
        for (int i = from; i < to; i++) {
            double e = eta[i] + sigma * u;
            double ex = Math.exp(-Math.abs(e));
            double mu = e >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
            g -= 2 * (y[i] * e - (Math.max(e, 0) + Math.log1p(ex)));
            r += y[i] - mu;
            w += mu * (1 - mu);
        }
        s[0] = g;
        s[1] = r;
        s[2] = w;
    }

    static double logistic(double e) {
        double ex = Math.exp(-Math.abs(e));
        return e >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
    }

    /** Bernoulli log-likelihood {@code y eta - log(1 + e^eta)}, stable for large |eta|. */
    static double loglik(double y, double e) {
        return y * e - (Math.max(e, 0) + Math.log1p(Math.exp(-Math.abs(e))));
    }
}
