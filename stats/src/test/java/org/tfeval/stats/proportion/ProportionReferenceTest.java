package org.tfeval.stats.proportion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tfeval.stats.ReferenceCases;

/**
 * Oracles: R {@code prop.test(correct = FALSE)} (Wilson) and {@code binom.test} (Clopper-Pearson) for every
 * proportion in reference/r proportions cases (tolerance {@code ci}); Newcombe (1998, Stat. Med.
 * 17:873-890, Table II, method 10) for the hybrid score difference interval, published to 4 decimals;
 * Jeffreys limits from R {@code qbeta(c(.025, .975), x + .5, n - x + .5)}.
 */
class ProportionReferenceTest {

    /** Newcombe's Table II prints 4 decimals: half a unit in the last place. */
    static final double PUBLISHED_4DP = 0.5e-4;

    @TestFactory
    Stream<DynamicTest> wilson_and_clopper_pearson_match_r() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : ReferenceCases.rCases("proportions-and-tables")) {
            JsonNode exp = ReferenceCases.expected(c);
            double tol = exp.path("tolerance").path("ci").asDouble();
            for (JsonNode p : exp.path("proportions")) {
                long x = p.path("successes").asLong();
                long n = p.path("trials").asLong();
                tests.add(DynamicTest.dynamicTest(x + " of " + n, () -> {
                    ProportionInterval w = IntervalMethod.WILSON.interval(x, n, 0.95);
                    ProportionInterval cp = IntervalMethod.CLOPPER_PEARSON.interval(x, n, 0.95);
                    assertThat(ReferenceCases.close(
                                    w.low(), p.path("wilson").get(0).asDouble(), tol))
                            .as("wilson low")
                            .isTrue();
                    assertThat(ReferenceCases.close(
                                    w.high(), p.path("wilson").get(1).asDouble(), tol))
                            .as("wilson high")
                            .isTrue();
                    assertThat(ReferenceCases.close(
                                    cp.low(), p.path("clopper_pearson").get(0).asDouble(), tol))
                            .as("cp low %s", cp.low())
                            .isTrue();
                    assertThat(ReferenceCases.close(
                                    cp.high(), p.path("clopper_pearson").get(1).asDouble(), tol))
                            .as("cp high %s", cp.high())
                            .isTrue();
                }));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @Test
    void newcombe_hybrid_score_matches_the_published_examples() {
        // Newcombe (1998) Table II, method 10: (a) 56/70 - 48/80, (b) 9/10 - 3/10, (d) 5/56 - 0/29
        long[][] cases = {{56, 70, 48, 80}, {9, 10, 3, 10}, {5, 56, 0, 29}};
        double[][] published = {{0.0524, 0.3339}, {0.1705, 0.8090}, {-0.0381, 0.1926}};
        for (int k = 0; k < cases.length; k++) {
            long[] c = cases[k];
            TwoProportions.Comparison d = TwoProportions.create().difference(c[0], c[1], c[2], c[3]);
            assertThat(d.low())
                    .as("case %d low", k)
                    .isCloseTo(published[k][0], org.assertj.core.data.Offset.offset(PUBLISHED_4DP));
            assertThat(d.high())
                    .as("case %d high", k)
                    .isCloseTo(published[k][1], org.assertj.core.data.Offset.offset(PUBLISHED_4DP));
        }
    }

    @Test
    void jeffreys_limits_are_beta_quantiles() {
        // R 4.2: print(qbeta(c(.025, .975), 3.5, 14.5), digits = 10) = 0.05234765705 0.40012266262 (x = 3, n = 17);
        // x = 0 gives lower 0 and x = n upper 1 by the Brown-Cai-DasGupta convention.
        ProportionInterval j = IntervalMethod.JEFFREYS.interval(3, 17, 0.95);
        assertThat(j.low()).isCloseTo(0.05234765705, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(j.high()).isCloseTo(0.40012266262, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(IntervalMethod.JEFFREYS.interval(0, 10, 0.95).low()).isZero();
        assertThat(IntervalMethod.JEFFREYS.interval(10, 10, 0.95).high()).isEqualTo(1.0);
    }

    @Test
    void katz_ratio_interval_is_symmetric_on_the_log_scale() {
        // Katz et al. (1978): log(r) -/+ z * sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2); for 20/100 vs 10/100,
        // se = sqrt(0.05 - 0.01 + 0.1 - 0.01) = sqrt(0.13), r = 2.
        TwoProportions.Comparison r = TwoProportions.create().ratio(20, 100, 10, 100);
        double z = 1.959963984540054;
        assertThat(r.estimate()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(r.low()).isCloseTo(2 * Math.exp(-z * Math.sqrt(0.13)), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.high()).isCloseTo(2 * Math.exp(z * Math.sqrt(0.13)), org.assertj.core.data.Offset.offset(1e-12));
    }
}
