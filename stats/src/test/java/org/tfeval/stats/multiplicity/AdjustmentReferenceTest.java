package org.tfeval.stats.multiplicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Oracle: R {@code p.adjust} (methods "holm" and "BH"); fixture and script (make_adjust_fixtures.R) in test resources. */
class AdjustmentReferenceTest {
    /** R prints 15 significant digits. */
    static final double R_DIGITS = 1e-14;

    @Test
    void holm_and_benjamini_hochberg_match_p_adjust_with_ties_and_missing_tests() throws Exception {
        JsonNode fx;
        try (InputStream in = getClass().getResourceAsStream("p_adjust.json")) {
            fx = new ObjectMapper().readTree(in);
        }
        int compared = 0;
        for (JsonNode c : fx.path("cases")) {
            double[] p = values(c.path("p"));
            double[] holm = Adjustment.HOLM.adjust(p);
            double[] bh = Adjustment.BENJAMINI_HOCHBERG.adjust(p);
            double[] rHolm = values(c.path("holm"));
            double[] rBh = values(c.path("bh"));
            for (int i = 0; i < p.length; i++) {
                if (Double.isNaN(rHolm[i])) {
                    assertThat(holm[i]).isNaN();
                    continue;
                }
                assertThat(holm[i]).as("holm %d", i).isCloseTo(rHolm[i], within(R_DIGITS));
                assertThat(bh[i]).as("bh %d", i).isCloseTo(rBh[i], within(R_DIGITS));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(20);
    }

    @Test
    void rejects_a_p_value_outside_zero_and_one() {
        assertThatThrownBy(() -> Adjustment.HOLM.adjust(new double[] {0.2, 1.5}))
                .hasMessageContaining("1.5");
    }

    private static double[] values(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++)
            v[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        return v;
    }
}
