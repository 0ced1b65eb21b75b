package org.tfeval.qual.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tfeval.qual.text.Span;
import org.tfeval.stats.agreement.CodingTable;
import org.tfeval.stats.agreement.KrippendorffAlpha;
import org.tfeval.stats.agreement.MeasurementLevel;

class ReliabilityRoundTest {
    private static List<Span> turns(int n, int width) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Span(i * width, i * width + width - 1));
        return out;
    }

    @Test
    void identical_coders_agree_perfectly_and_the_interval_collapses_on_one() {
        List<CodedSpan> spans = new ArrayList<>();
        for (String coder : List.of("a", "b")) {
            for (int t = 0; t < 20; t += 3)
                spans.add(new CodedSpan("s1", coder, "TRUST", new Span(t * 10 + 2, t * 10 + 8)));
        }
        Source s = new Source("s1", 200, turns(20, 10), Set.of("a", "b"));
        ReliabilityRound.CodeFigures f = ReliabilityRound.standard()
                .withReplicates(200)
                .compute(List.of(s), spans)
                .codes()
                .get(0);
        assertThat(f.kappa().value()).isEqualTo(1.0);
        assertThat(f.turnAlpha().value()).isEqualTo(1.0);
        assertThat(f.unitizingAlpha().value()).isCloseTo(1.0, within(1e-12));
        assertThat(f.turnAlpha().lower()).isEqualTo(1.0);
        assertThat(f.turnAlpha().belowThreshold()).isZero();
    }

    @Test
    void turn_alpha_treats_an_uncoded_transcript_as_missing_for_that_coder() {
        // three coders; coder c did not code s2: its turns are missing for c, not "coded nothing"
        Source s1 = new Source("s1", 40, turns(4, 10), Set.of("a", "b", "c"));
        Source s2 = new Source("s2", 40, turns(4, 10), Set.of("a", "b"));
        List<CodedSpan> spans = List.of(
                new CodedSpan("s1", "a", "X", new Span(0, 5)),
                new CodedSpan("s1", "b", "X", new Span(1, 4)),
                new CodedSpan("s1", "c", "X", new Span(21, 24)),
                new CodedSpan("s2", "a", "X", new Span(10, 15)),
                new CodedSpan("s2", "b", "X", new Span(30, 35)));
        double alpha = ReliabilityRound.standard()
                .withReplicates(0)
                .compute(List.of(s1, s2), spans)
                .codes()
                .get(0)
                .turnAlpha()
                .value();
        Object[][] data = {
            {1, 0, 0, 0, 0, 1, 0, 0},
            {1, 0, 0, 0, 0, 0, 0, 1},
            {0, 0, 1, 0, null, null, null, null}
        };
        double expected = KrippendorffAlpha.of(CodingTable.of(List.of("a", "b", "c"), data), MeasurementLevel.NOMINAL)
                .alpha();
        assertThat(alpha).isCloseTo(expected, within(1e-12));
    }

    @Test
    void disagreeing_coders_have_a_high_probability_of_alpha_below_080() {
        List<CodedSpan> spans = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            if (t % 2 == 0) spans.add(new CodedSpan("s", "a", "X", new Span(t * 10, t * 10 + 6)));
            if (t % 3 == 0) spans.add(new CodedSpan("s", "b", "X", new Span(t * 10 + 1, t * 10 + 7)));
        }
        Source s = new Source("s", 300, turns(30, 10), Set.of("a", "b"));
        Estimate alpha = ReliabilityRound.standard()
                .withReplicates(500)
                .compute(List.of(s), spans)
                .codes()
                .get(0)
                .turnAlpha();
        assertThat(alpha.value()).isLessThan(0.5);
        assertThat(alpha.lower()).isLessThan(alpha.value());
        assertThat(alpha.upper()).isGreaterThan(alpha.value());
        assertThat(alpha.belowThreshold()).isGreaterThan(0.95);
    }
}
