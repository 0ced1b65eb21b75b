package org.tfeval.qual.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.qual.text.Span;

/** Disagreements of two coders, what each decision keeps, and the per-pair kappa of three coders. */
class DisagreementTest {
    private static CodedSpan span(String coder, String code, int start, int end) {
        return new CodedSpan("t1", coder, code, new Span(start, end));
    }

    @Test
    void identical_spans_agree_and_differing_stretches_are_one_disagreement_each() {
        Disagreement.Comparison c = Disagreement.compare(
                List.of(
                        span("a", "X", 0, 10),
                        span("b", "X", 0, 10),
                        span("a", "X", 20, 30),
                        span("b", "X", 25, 35),
                        span("b", "Y", 50, 60),
                        span("c", "Y", 0, 5)),
                "a",
                "b");
        assertThat(c.agreed()).containsExactly(new CodedSpan("t1", "consensus", "X", new Span(0, 10)));
        assertThat(c.disagreements()).hasSize(2);
        Disagreement x = c.disagreements().get(0);
        assertThat(x.region()).isEqualTo(new Span(20, 35));
        assertThat(Disagreement.Decision.A.keep(x)).containsExactly(new Span(20, 30));
        assertThat(Disagreement.Decision.B.keep(x)).containsExactly(new Span(25, 35));
        assertThat(Disagreement.Decision.BOTH.keep(x)).containsExactly(new Span(20, 35));
        assertThat(Disagreement.Decision.NEITHER.keep(x)).isEmpty();
        Disagreement y = c.disagreements().get(1);
        assertThat(y.code()).isEqualTo("Y");
        assertThat(y.a()).isEmpty();
        assertThat(Disagreement.Decision.BOTH.keep(y)).containsExactly(new Span(50, 60));
    }

    @Test
    void three_coders_give_three_pairs_and_the_first_pair_is_the_rounds_kappa() {
        Source s = new Source("t1", 100, List.of(new Span(0, 50), new Span(50, 100)), java.util.Set.of("a", "b", "c"));
        List<CodedSpan> spans = List.of(span("a", "X", 0, 40), span("b", "X", 10, 40), span("c", "X", 60, 70));
        List<PairwiseKappa.Pair> pairs = PairwiseKappa.of(List.of(s), spans);
        assertThat(pairs).extracting(p -> p.coderA() + p.coderB()).containsExactly("ab", "ac", "bc");
        // a-b by hand: both 30, a only 10, neither 60 of 100
        double po = 0.90;
        double pe = 0.40 * 0.30 + 0.60 * 0.70;
        assertThat(pairs.get(0).kappa()).isCloseTo((po - pe) / (1 - pe), org.assertj.core.data.Offset.offset(1e-12));
        double round = ReliabilityRound.standard()
                .withReplicates(0)
                .compute(List.of(s), spans)
                .codes()
                .get(0)
                .kappa()
                .value();
        assertThat(round).isEqualTo(pairs.get(0).kappa());
    }
}
