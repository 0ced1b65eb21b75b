package org.tfeval.stats.permutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Oracle: an independent R enumeration with {@code combn} (make_permutation_fixtures.R beside site_permutation.json). */
class SitePermutationTestReferenceTest {
    /** Counts over at most 120 assignments are exact; differences are means of 4-decimal values. */
    static final double EXACT = 1e-12;

    @Test
    void p_values_and_differences_match_an_r_enumeration() throws Exception {
        JsonNode fx;
        try (InputStream in = getClass().getResourceAsStream("site_permutation.json")) {
            fx = new ObjectMapper().readTree(in);
        }
        int n = 0;
        for (JsonNode c : fx.path("cases")) {
            double[] v = new double[c.path("values").size()];
            boolean[] arm = new boolean[v.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = c.path("values").get(i).asDouble();
                arm[i] = c.path("arm").get(i).asBoolean();
            }
            SitePermutationTest.Result r = SitePermutationTest.test(v, arm);
            assertThat(r.difference()).isCloseTo(c.path("difference").asDouble(), within(EXACT));
            assertThat(r.p()).isCloseTo(c.path("p").asDouble(), within(EXACT));
            assertThat(r.assignments()).isEqualTo(c.path("assignments").asLong());
            n++;
        }
        assertThat(n).isEqualTo(4);
    }

    @Test
    void the_most_extreme_four_against_four_split_reaches_exactly_the_smallest_attainable_p() {
        double[] v = {0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1};
        boolean[] arm = {true, true, true, true, false, false, false, false};
        SitePermutationTest.Result r = SitePermutationTest.test(v, arm);
        assertThat(r.p()).isCloseTo(2.0 / 70, within(EXACT));
        assertThat(r.smallestP()).isCloseTo(2.0 / 70, within(EXACT));
        assertThat(SitePermutationTest.smallestAttainable(3, 8)).isCloseTo(1.0 / 56, within(EXACT));
    }
}
