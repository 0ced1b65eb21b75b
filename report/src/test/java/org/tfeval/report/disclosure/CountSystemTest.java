package org.tfeval.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The solver behind the set audit. Oracle: tables small enough to enumerate by hand; the values
 * consistent with what is published are written out in each test.
 */
class CountSystemTest {
    /** Cells a..d of a 2 x 2 table with its row and column totals, every total published. */
    private static CountSystem twoByTwo(long a, long b, long c, long d) {
        CountSystem s = new CountSystem(a + b + c + d);
        s.variable("a", a);
        s.variable("b", b);
        s.variable("c", c);
        s.variable("d", d);
        for (String[] t : new String[][] {{"r1", "a", "b"}, {"r2", "c", "d"}, {"c1", "a", "c"}, {"c2", "b", "d"}}) {
            s.variable(t[0], s.truth(t[1]) + s.truth(t[2]));
            s.sum(t[0], List.of(t[1], t[2]));
            s.known(t[0], s.truth(t[0]));
        }
        return s;
    }

    @Test
    void a_count_withheld_alone_is_worked_out_from_its_row_total() {
        CountSystem s = twoByTwo(4, 30, 25, 40);
        s.known("b", 30);
        s.known("c", 25);
        s.known("d", 40);
        CountSystem.Exposure e = s.expose("a");
        assertThat(e.low()).isEqualTo(4);
        assertThat(e.high()).isEqualTo(4);
        assertThat(e.protectedCount()).isFalse();
    }

    @Test
    void four_withheld_cells_of_a_cycle_with_large_partners_are_protected() {
        // a + b = 34, c + d = 65, a + c = 29, b + d = 70: a can be anything from 0 to 29
        CountSystem s = twoByTwo(4, 30, 25, 40);
        CountSystem.Exposure e = s.expose("a");
        assertThat(e.low()).isZero();
        assertThat(e.high() - e.low()).isGreaterThanOrEqualTo(CountSystem.PROTECTION_WIDTH);
        assertThat(e.protectedCount()).isTrue();
    }

    @Test
    void a_cycle_whose_partners_are_tiny_pins_the_count_to_within_one() {
        // a = 1, b = 1, c = 1, d = 50: a + b = 2 and a + c = 2 leave a in {0, 1, 2}
        CountSystem s = twoByTwo(1, 1, 1, 50);
        CountSystem.Exposure e = s.expose("a");
        assertThat(e.low()).isZero();
        assertThat(e.high()).isBetween(1L, 2L);
        assertThat(e.protectedCount()).isFalse();
    }

    @Test
    void a_percentage_printed_with_its_denominator_gives_the_count_back() {
        CountSystem s = new CountSystem(100);
        s.variable("n", 7);
        // 31.8% of 22: 6.985 .. 7.007 holds only 7
        s.bound("n", (long) Math.ceil(0.3175 * 22), (long) Math.floor(0.3185 * 22));
        CountSystem.Exposure e = s.expose("n");
        assertThat(e.low()).isEqualTo(7);
        assertThat(e.high()).isEqualTo(7);
    }

    @Test
    void a_relation_that_does_not_hold_for_the_true_counts_is_not_added() {
        CountSystem s = new CountSystem(10);
        s.variable("x", 3);
        s.variable("y", 4);
        assertThat(s.sum("x", List.of("y"))).isFalse();
        assertThat(s.bound("x", 5, 6)).isFalse();
        assertThat(s.expose("x").protectedCount()).isTrue();
    }
}
