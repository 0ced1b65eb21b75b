package org.tfeval.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.tfeval.stats.linalg.SymmetricSolver;

/**
 * The log-rank test ({@code survival::survdiff} with {@code rho = 0}): at each distinct event time the
 * expected events per stratum are {@code d n_g / n}, the hypergeometric covariance
 * {@code d (n - d) / (n - 1) * n_g / n * (delta_gh - n_h / n)}; the statistic is the quadratic form of
 * observed minus expected over the first G - 1 strata, chi-square on G - 1 df.
 */
public final class LogRankTest {

    private LogRankTest() {}

    /** Tests equality of survival across groups {@code group[i]} in 0..labels.size()-1. */
    public static LogRankResult test(double[] time, double[] event, int[] group, List<String> labels) {
        int g = labels.size();
        if (g < 2) {
            throw new IllegalArgumentException("the log-rank test needs at least 2 strata");
        }
        int n = time.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
        int[] atRisk = new int[g];
        for (int k : group) {
            atRisk[k]++;
        }
        double[] obs = new double[g];
        double[] exp = new double[g];
        double[][] v = new double[g][g];
        int i = 0;
        while (i < n) {
            double t = time[order[i]];
            int[] d = new int[g];
            int[] leaving = new int[g];
            while (i < n && time[order[i]] == t) {
                int r = order[i];
                if (event[r] == 1) {
                    d[group[r]]++;
                }
                leaving[group[r]]++;
                i++;
            }
            int dt = 0;
            int nt = 0;
            for (int k = 0; k < g; k++) {
                dt += d[k];
                nt += atRisk[k];
            }
            if (dt > 0) {
                for (int k = 0; k < g; k++) {
                    obs[k] += d[k];
                    exp[k] += (double) dt * atRisk[k] / nt;
                }
                if (nt > 1) {
                    double f = (double) dt * (nt - dt) / (nt - 1);
                    for (int a = 0; a < g; a++) {
                        double pa = (double) atRisk[a] / nt;
                        for (int b = 0; b < g; b++) {
                            double pb = (double) atRisk[b] / nt;
                            v[a][b] += f * pa * ((a == b ? 1 : 0) - pb);
                        }
                    }
                }
            }
            for (int k = 0; k < g; k++) {
                atRisk[k] -= leaving[k];
            }
        }
        int m = g - 1;
        double[][] vm = new double[m][m];
        double[] diff = new double[m];
        for (int a = 0; a < m; a++) {
            diff[a] = obs[a] - exp[a];
            System.arraycopy(v[a], 0, vm[a], 0, m);
        }
        SymmetricSolver s = SymmetricSolver.factor(vm);
        double chi = Double.NaN;
        if (s != null) {
            double[] sol = s.solve(diff);
            chi = 0;
            for (int a = 0; a < m; a++) {
                chi += diff[a] * sol[a];
            }
        }
        double p = Double.isNaN(chi) ? Double.NaN : ChiSquaredDistribution.of(m).survivalProbability(chi);
        return new LogRankResult(new ArrayList<>(labels), obs, exp, chi, m, p);
    }
}
