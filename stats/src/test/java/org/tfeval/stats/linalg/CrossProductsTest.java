package org.tfeval.stats.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Kernels against their definitions (oracle: the formulas as plain loops, with a tolerance for summation
 * order): {@code X'WX} and {@code X'Wz} over parallel row blocks; blocks come back in block order whatever
 * the thread count; the Cholesky solver on a 2 x 2 matrix solved by hand.
 */
class CrossProductsTest {

    /** Reordering a sum of 50,000 terms of size ~1 changes it by far less than this. */
    private static final double REORDERING = 1e-9;

    @Test
    void weighted_gram_equals_the_definition() {
        Random rnd = new Random(1);
        int n = 50_000;
        int p = 5;
        double[][] x = new double[p][n];
        double[] w = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextDouble();
            z[i] = rnd.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[j][i] = rnd.nextGaussian();
            }
        }
        List<double[]> parts = RowBlocks.map(n, (from, to) -> {
            double[] g = new double[CrossProducts.packedSize(p) + p];
            double[] gram = new double[CrossProducts.packedSize(p)];
            double[] xwz = new double[p];
            CrossProducts.addWeighted(x, w, z, from, to, gram, xwz, new double[to - from]);
            System.arraycopy(gram, 0, g, 0, gram.length);
            System.arraycopy(xwz, 0, g, gram.length, p);
            return g;
        });
        double[] total = new double[CrossProducts.packedSize(p) + p];
        for (double[] part : parts) {
            for (int k = 0; k < total.length; k++) {
                total[k] += part[k];
            }
        }
        double[][] full = CrossProducts.unpack(total, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += w[i] * x[a][i] * x[b][i];
                }
                assertThat(full[a][b]).isCloseTo(s, org.assertj.core.data.Offset.offset(REORDERING * n));
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += w[i] * x[a][i] * z[i];
            }
            assertThat(total[CrossProducts.packedSize(p) + a])
                    .isCloseTo(s, org.assertj.core.data.Offset.offset(REORDERING * n));
        }
    }

    @Test
    void blocks_come_back_in_order() {
        int n = 100_000;
        List<int[]> blocks = RowBlocks.map(n, 1000, (from, to) -> new int[] {from, to});
        assertThat(blocks).hasSize(100);
        for (int b = 0; b < blocks.size(); b++) {
            assertThat(blocks.get(b)).containsExactly(b * 1000, (b + 1) * 1000);
        }
    }

    @Test
    void symmetric_solver_inverts_and_reports_the_log_determinant() {
        double[][] a = {{4, 2}, {2, 3}};
        SymmetricSolver s = SymmetricSolver.factor(a);
        assertThat(s.logDeterminant()).isCloseTo(Math.log(8), org.assertj.core.data.Offset.offset(1e-14));
        double[][] inv = s.inverse();
        assertThat(inv[0][0]).isCloseTo(3.0 / 8, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(inv[0][1]).isCloseTo(-2.0 / 8, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.solve(new double[] {2, 1}))
                .containsExactly(new double[] {0.5, 0.0}, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(SymmetricSolver.factor(new double[][] {{1, 2}, {2, 1}})).isNull();
    }
}
