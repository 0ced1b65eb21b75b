package org.tfeval.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountAllocatorTest {
    private static final int CASES = 5_000;

    /** Runs both passes over the same drawn counts (min 0 or 1, weight = count + 1) and returns the adjusted total. */
    private static long[] allocate(long target, long seed) {
        CountAllocator a = new CountAllocator();
        SplittableRandom draws = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            int min = i % 3 == 0 ? 1 : 0;
            a.observe(min + draws.nextInt(4), min, 1 + draws.nextInt(3));
        }
        a.plan(target, new SplittableRandom(seed + 1));
        draws = new SplittableRandom(seed);
        long total = 0;
        long changedCases = 0;
        for (int i = 0; i < CASES; i++) {
            int min = i % 3 == 0 ? 1 : 0;
            int raw = min + draws.nextInt(4);
            int weight = 1 + draws.nextInt(3);
            int adjusted = a.adjust(raw, min, weight);
            assertThat(adjusted).as("case %d never below its minimum", i).isGreaterThanOrEqualTo(min);
            total += adjusted;
            if (adjusted != raw) changedCases++;
        }
        assertThat(total).isEqualTo(a.total());
        return new long[] {total, changedCases};
    }

    /** Every third case has a minimum of 1, so 1,667 is the smallest reachable total. */
    @ParameterizedTest
    @ValueSource(longs = {1_667, 2_000, 7_000, 9_000, 12_000, 40_000})
    void reaches_the_target_exactly_when_cases_can_grow_or_shrink_enough(long target) {
        assertThat(allocate(target, 42)[0]).isEqualTo(target);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void changes_nothing_when_the_drawn_counts_already_meet_the_target(long seed) {
        CountAllocator probe = new CountAllocator();
        SplittableRandom draws = new SplittableRandom(seed);
        long raw = 0;
        for (int i = 0; i < CASES; i++) {
            int min = i % 3 == 0 ? 1 : 0;
            int r = min + draws.nextInt(4);
            draws.nextInt(3);
            raw += r;
        }
        long[] result = allocate(raw, seed);
        assertThat(result[0]).isEqualTo(raw);
        assertThat(result[1]).isZero();
    }

    @Test
    void stops_at_the_minimum_when_the_target_is_below_it() {
        CountAllocator a = new CountAllocator();
        a.observe(3, 2, 1);
        a.observe(1, 1, 1);
        a.plan(0, new SplittableRandom(1));
        assertThat(a.total()).isEqualTo(3);
        assertThat(a.adjust(3, 2, 1) + a.adjust(1, 1, 1)).isEqualTo(3);
    }
}
