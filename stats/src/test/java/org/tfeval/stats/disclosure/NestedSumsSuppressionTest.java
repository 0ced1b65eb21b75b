package org.tfeval.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rule on the sums of a codebook variable: valid, system-missing and coded-missing counts add up
 * to the published row count, and the code frequencies add up to the valid count. Oracle: an
 * exhaustive integer search ({@link Attacker}) for other counts that fit everything published but
 * change a withheld small count.
 */
class NestedSumsSuppressionTest {
    /** Random variables checked by the property test. */
    static final int RANDOM_VARIABLES = 300;

    final ComplementarySuppression rule = ComplementarySuppression.standard();

    @Test
    void a_small_code_frequency_gets_a_partner_among_the_codes() {
        // entries: 0 valid, 1 system missing, 2 missing -9, 3..5 codes
        PublishedCounts p = codebook(new long[] {50, 4, 30}, 12, 20);
        Withheld w = rule.apply(p);
        assertThat(w.primary(4)).isTrue();
        assertThat(w.withheld(3) || w.withheld(5) || w.withheld(0))
                .as("a partner of code 2")
                .isTrue();
        assertThat(Attacker.recoverable(w)).isEmpty();
    }

    @Test
    void two_small_frequencies_that_add_up_to_less_than_the_minimum_get_a_third() {
        PublishedCounts p = codebook(new long[] {2, 3, 40, 30}, 15, 15);
        Withheld w = rule.apply(p);
        long sum = 0;
        for (int e = 3; e < 7; e++) sum += w.withheld(e) ? p.counts()[e] : 0;
        assertThat(sum).isGreaterThanOrEqualTo(ComplementarySuppression.MINIMUM_CELL_SIZE);
    }

    @Test
    void no_withheld_count_of_random_variables_can_be_recovered_from_what_is_published() {
        SplittableRandom rnd = new SplittableRandom(20240602L);
        for (int i = 0; i < RANDOM_VARIABLES; i++) {
            long[] codes = new long[2 + rnd.nextInt(3)];
            for (int c = 0; c < codes.length; c++) codes[c] = rnd.nextInt(3) == 0 ? rnd.nextInt(11) : rnd.nextInt(30);
            PublishedCounts p =
                    codebook(codes, rnd.nextInt(2) == 0 ? rnd.nextInt(11) : rnd.nextInt(30), rnd.nextInt(20));
            Withheld w = rule.apply(p);
            for (int e = 0; e < p.size(); e++) {
                if (!w.withheld(e))
                    assertThat(rule.small(p.counts()[e]))
                            .as("published small count, variable %d", i)
                            .isFalse();
            }
            assertThat(Attacker.recoverable(w)).as("variable %d", i).isEmpty();
        }
    }

    @Test
    void the_attacker_recovers_a_frequency_withheld_alone_so_it_is_a_real_check() {
        PublishedCounts p = codebook(new long[] {50, 4, 30}, 12, 20);
        boolean[] only = new boolean[p.size()];
        only[4] = true;
        assertThat(Attacker.recoverable(new Withheld(p, only, only))).containsExactly(4);
    }

    /** Entries: 0 valid, 1 system missing, 2 one missing code, then the code frequencies. */
    static PublishedCounts codebook(long[] codes, long systemMissing, long missingCode) {
        long valid = 0;
        for (long c : codes) valid += c;
        long[] counts = new long[3 + codes.length];
        counts[0] = valid;
        counts[1] = systemMissing;
        counts[2] = missingCode;
        int[] parts = new int[codes.length];
        for (int c = 0; c < codes.length; c++) {
            counts[3 + c] = codes[c];
            parts[c] = 3 + c;
        }
        return new PublishedCounts(
                counts,
                new boolean[counts.length],
                List.of(
                        new PublishedCounts.Sum(PublishedCounts.Sum.PUBLISHED, new int[] {0, 1, 2}),
                        new PublishedCounts.Sum(0, parts)));
    }

    /** A reader who knows every published entry and sum, searching for other counts that change a withheld small one. */
    static final class Attacker {
        /** Primary entries whose value is the only one consistent with what is published. */
        static List<Integer> recoverable(Withheld w) {
            PublishedCounts p = w.counts();
            int[] var = new int[p.size()];
            int vars = 0;
            for (int e = 0; e < p.size(); e++) var[e] = w.withheld(e) ? vars++ : -1;
            long bound = 0;
            for (PublishedCounts.Sum s : p.sums()) bound = Math.max(bound, p.total(s));
            // each sum: total - parts = 0, published entries moved to the constant
            List<int[][]> equations = new ArrayList<>();
            List<Long> constants = new ArrayList<>();
            for (PublishedCounts.Sum s : p.sums()) {
                List<int[]> terms = new ArrayList<>();
                long k = 0;
                if (s.total() == PublishedCounts.Sum.PUBLISHED || var[s.total()] < 0) k += p.total(s);
                else terms.add(new int[] {var[s.total()], 1});
                for (int part : s.parts()) {
                    if (var[part] < 0) k -= p.counts()[part];
                    else terms.add(new int[] {var[part], -1});
                }
                equations.add(terms.toArray(int[][]::new));
                constants.add(-k);
            }
            List<Integer> out = new ArrayList<>();
            for (int e = 0; e < p.size(); e++) {
                if (!w.primary(e)) continue;
                if (!solvable(vars, equations, constants, bound, var[e], p.counts()[e])) out.add(e);
            }
            return out;
        }

        private static boolean solvable(
                int vars, List<int[][]> eqs, List<Long> consts, long bound, int target, long actual) {
            for (long v = 0; v <= bound; v++) {
                if (v == actual) continue;
                long[] a = new long[vars];
                java.util.Arrays.fill(a, -1);
                a[target] = v;
                if (search(a, eqs, consts, bound)) return true;
            }
            return false;
        }

        private static boolean search(long[] a, List<int[][]> eqs, List<Long> consts, long bound) {
            if (!propagate(a, eqs, consts, bound)) return false;
            int next = -1;
            for (int i = 0; i < a.length && next < 0; i++) if (a[i] < 0) next = i;
            if (next < 0) return true;
            for (long v = 0; v <= bound; v++) {
                long[] b = a.clone();
                b[next] = v;
                if (search(b, eqs, consts, bound)) return true;
            }
            return false;
        }

        private static boolean propagate(long[] a, List<int[][]> eqs, List<Long> consts, long bound) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int e = 0; e < eqs.size(); e++) {
                    long sum = 0;
                    int open = -1;
                    int coeff = 0;
                    int opens = 0;
                    for (int[] term : eqs.get(e)) {
                        if (a[term[0]] < 0) {
                            opens++;
                            open = term[0];
                            coeff = term[1];
                        } else {
                            sum += term[1] * a[term[0]];
                        }
                    }
                    long rhs = consts.get(e) - sum;
                    if (opens == 0 && rhs != 0) return false;
                    if (opens == 1) {
                        long v = rhs * coeff;
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
