package org.tfeval.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The suppression rule. Oracle for "cannot be recovered from the totals": an exhaustive integer
 * search ({@link Attacker}) for another table that matches everything published but differs in a
 * withheld cell.
 */
class ComplementarySuppressionTest {
    static final int K = ComplementarySuppression.MINIMUM_CELL_SIZE;
    /** Random tables checked by the property test. */
    static final int RANDOM_TABLES = 300;

    final ComplementarySuppression rule = ComplementarySuppression.of(K);

    @Test
    void a_single_small_count_gets_a_partner_in_its_row_and_in_its_column() {
        long[][] cells = {{40, 30, 20}, {25, 4, 30}, {30, 35, 40}, {50, 45, 60}};
        Suppression s = rule.apply(new CountTable(cells, new boolean[] {true, false, false, false}, true, true));
        assertThat(s.primary()[1][1]).isTrue();
        assertThat(s.cell(1, 1)).isTrue();
        assertThat(count(s.cells()[1])).as("row 1").isGreaterThanOrEqualTo(2);
        assertThat(s.cell(2, 1) || s.cell(3, 1))
                .as("a partner in column 1 among unknown rows")
                .isTrue();
        assertThat(Attacker.recoverable(s)).isEmpty();
    }

    @Test
    void the_readers_own_row_never_hides_anything() {
        long[][] cells = {{1, 2, 3}, {25, 4, 30}, {30, 35, 40}};
        Suppression s = rule.apply(new CountTable(cells, new boolean[] {true, false, false}, true, true));
        for (int c = 0; c < 3; c++)
            assertThat(s.cell(0, c)).as("own cell %d", c).isFalse();
        assertThat(s.rowTotals()[0]).isFalse();
        assertThat(Attacker.recoverable(s)).isEmpty();
    }

    @Test
    void zero_counts_are_published_and_counts_at_the_threshold_are_not_small() {
        long[][] cells = {{20, 20}, {0, 11}, {12, 0}};
        Suppression s = rule.apply(new CountTable(cells, new boolean[] {true, false, false}, false, true));
        assertThat(s.count()).isZero();
    }

    @Test
    void a_column_total_is_withheld_when_the_other_task_forces_hold_a_small_count_in_it() {
        // other task forces together hold 3 in column 1: total minus the own row would reveal it
        long[][] cells = {{50, 20}, {30, 3}};
        Suppression s = rule.apply(new CountTable(cells, new boolean[] {true, false}, false, true));
        assertThat(s.cell(1, 1)).isTrue();
        assertThat(s.columnTotals()[1]).isTrue();
        assertThat(Attacker.recoverable(s)).isEmpty();
    }

    @Test
    void withheld_counts_that_together_stay_small_get_one_more_partner() {
        long[][] cells = {{50, 50, 50}, {2, 3, 40}, {30, 30, 30}};
        Suppression s = rule.apply(new CountTable(cells, new boolean[] {true, false, false}, true, true));
        long sum = 0;
        for (int c = 0; c < 3; c++) sum += s.cell(1, c) ? cells[1][c] : 0;
        assertThat(sum).as("withheld in row 1").isGreaterThanOrEqualTo(K);
    }

    @Test
    void no_withheld_count_of_random_tables_can_be_recovered_from_what_is_published() {
        SplittableRandom rnd = new SplittableRandom(20240601L);
        for (int i = 0; i < RANDOM_TABLES; i++) {
            int rows = 2 + rnd.nextInt(3);
            int cols = 2 + rnd.nextInt(2);
            long[][] cells = new long[rows][cols];
            for (long[] r : cells) {
                for (int c = 0; c < cols; c++) r[c] = rnd.nextInt(4) == 0 ? rnd.nextInt(11) : rnd.nextInt(40);
            }
            boolean[] known = new boolean[rows];
            known[0] = true;
            boolean totals = rnd.nextBoolean();
            Suppression s = rule.apply(new CountTable(cells, known, totals, true));
            for (int r = 1; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (!s.cell(r, c))
                        assertThat(rule.small(cells[r][c]))
                                .as("published small count, table %d", i)
                                .isFalse();
                }
            }
            assertThat(Attacker.recoverable(s)).as("table %d", i).isEmpty();
        }
    }

    @Test
    void the_attacker_recovers_a_count_withheld_alone_so_it_is_a_real_check() {
        long[][] cells = {{40, 30}, {25, 4}, {30, 35}};
        CountTable t = new CountTable(cells, new boolean[] {true, false, false}, true, true);
        boolean[][] only = new boolean[3][2];
        only[1][1] = true;
        Suppression lone = new Suppression(t, only, new boolean[3], new boolean[2], false, only);
        assertThat(Attacker.recoverable(lone)).containsExactly("1,1");
    }

    @Test
    void a_threshold_below_two_is_refused() {
        assertThatThrownBy(() -> ComplementarySuppression.of(1)).hasMessageContaining("must be >= 2");
        assertThatThrownBy(() -> new CountTable(new long[][] {{-1}}, new boolean[] {false}, false, true))
                .hasMessageContaining(">= 0");
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean x : b) n += x ? 1 : 0;
        return n;
    }

    /**
     * A reader who knows every published entry and the table's equations, searching for another
     * non-negative integer table that fits them but changes a withheld small count.
     */
    static final class Attacker {
        /** Primary cells whose value is the only one consistent with what is published, as "row,col". */
        static List<String> recoverable(Suppression s) {
            CountTable t = s.table();
            Vars v = new Vars(s);
            List<String> out = new ArrayList<>();
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < t.columns(); c++) {
                    if (!s.primary()[r][c]) continue;
                    int target = v.cell[r][c];
                    if (!v.solvable(target, t.cell(r, c))) out.add(r + "," + c);
                }
            }
            return out;
        }
    }

    /** Unknowns (withheld entries) and the equations among all entries. */
    static final class Vars {
        final int[][] cell;
        final List<long[]> values = new ArrayList<>();
        final List<int[][]> equations = new ArrayList<>();
        final List<Long> constants = new ArrayList<>();
        final long bound;
        int count;

        Vars(Suppression s) {
            CountTable t = s.table();
            bound = t.grandTotal();
            cell = new int[t.rows()][t.columns()];
            int[] rowTot = new int[t.rows()];
            int[] colTot = new int[t.columns()];
            for (int r = 0; r < t.rows(); r++)
                for (int c = 0; c < t.columns(); c++) cell[r][c] = s.cell(r, c) ? count++ : -1;
            for (int r = 0; r < t.rows(); r++) rowTot[r] = t.rowTotals() && s.rowTotals()[r] ? count++ : -1;
            for (int c = 0; c < t.columns(); c++) colTot[c] = s.columnTotals()[c] ? count++ : -1;
            int grand = t.rowTotals() && s.grandTotal() ? count++ : -1;
            // each equation: total - sum(parts) = 0, unknowns with coefficients, published values moved to the constant
            if (t.rowTotals()) {
                for (int r = 0; r < t.rows(); r++) {
                    List<int[]> terms = new ArrayList<>();
                    long k = term(terms, rowTot[r], 1, t.rowTotal(r));
                    for (int c = 0; c < t.columns(); c++) k += term(terms, cell[r][c], -1, t.cell(r, c));
                    add(terms, k);
                }
            }
            for (int c = 0; c < t.columns(); c++) {
                List<int[]> terms = new ArrayList<>();
                long k = term(terms, colTot[c], 1, t.columnTotal(c));
                for (int r = 0; r < t.rows(); r++) k += term(terms, cell[r][c], -1, t.cell(r, c));
                add(terms, k);
            }
            if (t.rowTotals()) {
                List<int[]> a = new ArrayList<>();
                long k = term(a, grand, 1, t.grandTotal());
                for (int r = 0; r < t.rows(); r++) k += term(a, rowTot[r], -1, t.rowTotal(r));
                add(a, k);
                List<int[]> b = new ArrayList<>();
                k = term(b, grand, 1, t.grandTotal());
                for (int c = 0; c < t.columns(); c++) k += term(b, colTot[c], -1, t.columnTotal(c));
                add(b, k);
            }
        }

        private static long term(List<int[]> terms, int var, int coeff, long value) {
            if (var >= 0) {
                terms.add(new int[] {var, coeff});
                return 0;
            }
            return coeff * value;
        }

        private void add(List<int[]> terms, long constant) {
            equations.add(terms.toArray(int[][]::new));
            constants.add(-constant);
        }

        /** Whether some assignment satisfies every equation with {@code target} different from {@code actual}. */
        boolean solvable(int target, long actual) {
            long[] a = new long[count];
            java.util.Arrays.fill(a, -1);
            for (long v = 0; v <= bound; v++) {
                if (v == actual) continue;
                a[target] = v;
                if (search(a.clone())) return true;
            }
            return false;
        }

        private boolean search(long[] a) {
            if (!propagate(a)) return false;
            int next = -1;
            for (int i = 0; i < a.length; i++) {
                if (a[i] < 0) {
                    next = i;
                    break;
                }
            }
            if (next < 0) return true;
            for (long v = 0; v <= bound; v++) {
                long[] b = a.clone();
                b[next] = v;
                if (search(b)) return true;
            }
            return false;
        }

        /** Fills unknowns forced by equations with one unknown left; false on a contradiction. */
        private boolean propagate(long[] a) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int e = 0; e < equations.size(); e++) {
                    long sum = 0;
                    int open = -1;
                    int openCoeff = 0;
                    int opens = 0;
                    for (int[] term : equations.get(e)) {
                        if (a[term[0]] < 0) {
                            opens++;
                            open = term[0];
                            openCoeff = term[1];
                        } else {
                            sum += term[1] * a[term[0]];
                        }
                    }
                    long rhs = constants.get(e) - sum;
                    if (opens == 0 && rhs != 0) return false;
                    if (opens == 1) {
                        long v = rhs * openCoeff;
                        if (v < 0 || v > bound) return false;
                        a[open] = v;
                        changed = true;
                    }
                }
            }
            return true;
        }
    }
}
