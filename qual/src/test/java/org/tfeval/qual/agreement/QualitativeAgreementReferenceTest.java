package org.tfeval.qual.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tfeval.qual.Reference;
import org.tfeval.qual.text.Span;

/**
 * Oracle: testdata/reference/agreement-qualitative (Krippendorff 2004 p. 254 for alpha_U, NVivo's
 * coding-comparison figures, and an independently recomputed span-to-character example). Tolerances
 * are the reference files' own.
 */
class QualitativeAgreementReferenceTest {
    private static final String FOLDER = "agreement-qualitative";

    @Test
    void unitizing_alpha_matches_krippendorff_2004_page_254() {
        JsonNode ref = Reference.json(FOLDER, "krippendorff_2004_unitizing.json");
        List<UnitizingAlpha.Unit> units = new ArrayList<>();
        for (JsonNode u : ref.get("units")) {
            units.add(new UnitizingAlpha.Unit(
                    u.get("coder").asInt(),
                    u.get("category").asText(),
                    u.get("begin").asLong(),
                    u.get("length").asLong()));
        }
        UnitizingAlpha.Result r = UnitizingAlpha.of(
                ref.at("/continuum/begin").asLong(),
                ref.at("/continuum/length").asLong(),
                ref.get("coders").asInt(),
                units);
        double tolAlpha = ref.at("/tolerance/alpha").asDouble();
        double tolD = ref.at("/tolerance/disagreement").asDouble();
        for (String k : List.of("c", "k")) {
            JsonNode e = ref.at("/expected/category/" + k);
            UnitizingAlpha.Category c = r.categories().get(k);
            assertThat(c.observedDisagreement())
                    .isCloseTo(e.get("observed_disagreement").asDouble(), within(tolD));
            assertThat(c.expectedDisagreement())
                    .isCloseTo(e.get("expected_disagreement").asDouble(), within(tolD));
            assertThat(c.alpha()).isCloseTo(e.get("alpha").asDouble(), within(tolAlpha));
        }
        assertThat(r.alpha()).isCloseTo(ref.at("/expected/alpha_u_overall").asDouble(), within(tolAlpha));
    }

    @Test
    void character_kappa_and_percent_agreement_match_nvivo() {
        JsonNode ref = Reference.json(FOLDER, "nvivo_character_kappa.json");
        for (JsonNode c : ref.get("cases")) {
            CharacterCounts counts = new CharacterCounts(
                    c.get("a_only").asLong(),
                    c.get("b_only").asLong(),
                    c.get("both").asLong(),
                    c.get("neither").asLong());
            assertThat(counts.percentAgreement())
                    .isCloseTo(
                            c.get("percent_agreement").asDouble(),
                            within(ref.at("/tolerance/percent").asDouble()));
            assertThat(counts.kappa())
                    .isCloseTo(
                            c.get("kappa").asDouble(),
                            within(ref.at("/tolerance/kappa").asDouble()));
        }
    }

    @Test
    void spans_turned_into_characters_give_the_reference_kappa_and_alpha_per_code() {
        JsonNode ref = Reference.json(FOLDER, "span_to_character.json");
        int length = ref.get("text_length").asInt();
        List<CodedSpan> spans = new ArrayList<>();
        for (JsonNode s : ref.get("spans")) {
            spans.add(new CodedSpan(
                    "text",
                    "coder" + s.get("coder").asInt(),
                    s.get("code").asText(),
                    new Span(s.get("start").asInt(), s.get("end").asInt())));
        }
        Source source = new Source("text", length, List.of(), Set.of("coder1", "coder2"));
        ReliabilityRound.Figures f =
                ReliabilityRound.standard().withReplicates(0).compute(List.of(source), spans);
        for (ReliabilityRound.CodeFigures c : f.codes()) {
            JsonNode e = ref.at("/expected/" + c.code());
            assertThat(c.percentAgreement())
                    .isCloseTo(e.get("percent_agreement").asDouble(), within(1e-9));
            assertThat(c.kappa().value())
                    .isCloseTo(
                            e.get("kappa").asDouble(),
                            within(ref.at("/tolerance/kappa").asDouble()));
            assertThat(c.characters().alpha())
                    .isCloseTo(
                            e.get("alpha_nominal").asDouble(),
                            within(ref.at("/tolerance/alpha").asDouble()));
        }
        assertThat(f.codes()).extracting(ReliabilityRound.CodeFigures::code).containsExactly("FEAR", "TRUST");
    }
}
