package org.tfeval.qual.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.stats.disclosure.ComplementarySuppression;

class ThemeMatrixTest {
    private static List<ThemeMatrix.Fact> facts() {
        List<ThemeMatrix.Fact> out = new ArrayList<>();
        // 20 law-enforcement interviewees at 4 sites mention TRUST twice each; 3 prosecutors mention it once
        for (int p = 0; p < 20; p++) {
            for (int k = 0; k < 2; k++)
                out.add(new ThemeMatrix.Fact("Law enforcement", "TRUST", "LE" + p, "TF" + p % 4));
            out.add(new ThemeMatrix.Fact("Law enforcement", "FUNDING", "LE" + p, "TF" + p % 4));
        }
        for (int p = 0; p < 3; p++) out.add(new ThemeMatrix.Fact("Prosecutor", "TRUST", "PR" + p, "TF1"));
        for (int p = 0; p < 12; p++) out.add(new ThemeMatrix.Fact("Prosecutor", "FUNDING", "PR" + p, "TF" + p % 3));
        return out;
    }

    @Test
    void cells_count_segments_distinct_interviewees_and_distinct_sites() {
        ThemeMatrix.Result m =
                ThemeMatrix.of(facts(), ThemeMatrix.Audience.RESTRICTED, ComplementarySuppression.standard());
        assertThat(m.rows()).containsExactly("Law enforcement", "Prosecutor");
        assertThat(m.columns()).containsExactly("FUNDING", "TRUST");
        assertThat(m.cells()[0][1]).isEqualTo(new ThemeMatrix.Cell(40, 20, 4, false));
        assertThat(m.cells()[1][1]).isEqualTo(new ThemeMatrix.Cell(3, 3, 1, false));
        assertThat(m.withheld()).isZero();
    }

    @Test
    void outside_the_restricted_tier_a_small_cell_and_its_complement_are_withheld() {
        ThemeMatrix.Result m =
                ThemeMatrix.of(facts(), ThemeMatrix.Audience.PUBLISHED, ComplementarySuppression.standard());
        ThemeMatrix.Cell small = m.cells()[1][1];
        assertThat(small.withheld()).isTrue();
        assertThat(small.segments()).isEqualTo(-1);
        // with row and column totals published, one withheld cell would be recoverable: at least 2 more
        assertThat(m.withheld()).isGreaterThanOrEqualTo(2);
    }
}
