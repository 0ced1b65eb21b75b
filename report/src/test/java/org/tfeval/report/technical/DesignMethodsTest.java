package org.tfeval.report.technical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.design.DesignWeights;
import org.tfeval.analysis.design.DesignWeights.DrawRow;
import org.tfeval.analysis.design.DesignWeights.WeightingRow;
import org.tfeval.analysis.reliability.CodingReliability;
import org.tfeval.analysis.reliability.CodingReliability.VariableRow;
import org.tfeval.report.document.Format;

/** Every sentence of the design Methods is checked against the table it is generated from. */
class DesignMethodsTest {

    static ResultTable<DrawRow> draw(List<DrawRow> rows) {
        ResultTable.Builder<DrawRow> b = ResultTable.builder(DesignWeights.DRAW, "draw")
                .text("task_force", "Task force")
                .text("drawn_by", "Sample drawn by")
                .count("frame", "N")
                .count("sampled", "n")
                .count("replacements_drawn", "r")
                .count("replacements_used", "u")
                .count("sample_not_coded", "x")
                .count("used", "used")
                .count("coded", "coded")
                .proportion("inclusion", "p")
                .number("weight", "w");
        rows.forEach(b::add);
        return b.build();
    }

    static DrawRow site(String tf, String by, long n, long sampled, long notCoded, long used) {
        long usedEntries = sampled - notCoded + used;
        return new DrawRow(
                tf,
                by,
                n,
                sampled,
                5,
                used,
                notCoded,
                usedEntries,
                usedEntries,
                (double) usedEntries / n,
                (double) n / usedEntries);
    }

    static final List<DrawRow> SITES = List.of(
            site("TF01", "Evaluation team", 400, 40, 2, 2),
            site("TF02", "Task force staff", 250, 20, 0, 0),
            site("TF03", "Evaluation team", 180, 27, 1, 0));

    static ResultTable<DrawRow> withTotal() {
        List<DrawRow> rows = new java.util.ArrayList<>(SITES);
        rows.add(new DrawRow(DesignWeights.ALL, "", 830, 87, 15, 2, 3, 86, 86, null, null));
        return draw(rows);
    }

    @Test
    void theSamplingSentencesGiveTheTotalsFractionsReplacementsAndWhoDrewFromTheDrawTable() {
        List<String> s = DesignMethods.sampling(withTotal());
        assertThat(s.get(0))
                .contains("Each of the 3 task forces with case files")
                .contains("87 of 830 listed cases in all (" + Format.percent(87 / 830.0) + ")")
                // TF02 20/250 = 8.0% is the smallest fraction, TF03 27/180 = 15.0% the largest
                .contains("sampling fractions from 8.0% at TF02 to 15.0% at TF03")
                .contains("15 replacements drawn in order");
        assertThat(s.get(1))
                .startsWith("3 sampled files were not coded")
                .contains("2 replacements were coded in their place")
                .contains("86 drawn entries were coded for 87 sampled files");
        assertThat(s.get(2))
                .isEqualTo("The samples were drawn by evaluation team at 2 task forces and task force staff at 1"
                        + " task force.");
    }

    @Test
    void oneTaskForceAndOneReplacementAreWrittenInTheSingular() {
        List<String> s = DesignMethods.sampling(draw(List.of(site("TF07", "Evaluation team", 100, 10, 1, 1))));
        assertThat(s.get(0))
                .startsWith("The one task force with case files drew")
                .contains("5 replacements");
        assertThat(s.get(1)).startsWith("1 sampled file was not coded").contains("1 replacement was coded");
        assertThat(s.get(2)).isEqualTo("The samples were drawn by evaluation team at 1 task force.");
    }

    @Test
    void withoutARecordedDrawTheSamplingSectionSaysNoFractionsOrWeightsAreKnown() {
        assertThat(DesignMethods.sampling(draw(List.of())))
                .singleElement()
                .asString()
                .contains("No sample draw is recorded");
    }

    static ResultTable<WeightingRow> weighting(Double weighted) {
        ResultTable.Builder<WeightingRow> b = ResultTable.builder(DesignWeights.WEIGHTING, "w")
                .text("measure", "m")
                .text("unit", "u")
                .count("events", "n")
                .count("trials", "k")
                .proportion("weighted", "w")
                .proportion("weighted_low", "l")
                .proportion("weighted_high", "h")
                .proportion("clustered", "c")
                .proportion("clustered_low", "l")
                .proportion("clustered_high", "h")
                .proportion("naive", "n")
                .proportion("wilson_low", "l")
                .proportion("wilson_high", "h");
        b.add(new WeightingRow(
                DesignMethods.EXAMPLE_SHARE,
                "cases",
                81,
                226,
                weighted,
                weighted == null ? null : 0.21,
                weighted == null ? null : 0.51,
                0.359,
                0.25,
                0.48,
                0.3584,
                0.295,
                0.427));
        return b.build();
    }

    @Test
    void theWeightingSentencesGiveTheWeightRangeAndTheExampleShareThreeWaysAsTheTablesHoldThem() {
        List<String> s = DesignMethods.weighting(withTotal(), weighting(0.3423), "95%");
        double wMin = SITES.stream().mapToDouble(DrawRow::weight).min().orElseThrow();
        double wMax = SITES.stream().mapToDouble(DrawRow::weight).max().orElseThrow();
        assertThat(s.get(0)).contains("weights from " + Format.number(wMin) + " to " + Format.number(wMax));
        assertThat(s.get(1))
                .isEqualTo("Cases with a trafficking charge: 34.2% weighted (95% CI 21.0–51.0), 35.9% unweighted"
                        + " with task-force clusters (25.0–48.0), and 35.8% as independent cases (Wilson"
                        + " 29.5–42.7).");
    }

    @Test
    void withoutWeightsTheWeightingSectionSaysEveryCaseWeighsOne() {
        assertThat(DesignMethods.weighting(withTotal(), weighting(null), "95%"))
                .singleElement()
                .asString()
                .startsWith("Every case weighs 1");
    }

    static ResultTable<VariableRow> agreement(List<VariableRow> rows) {
        ResultTable.Builder<VariableRow> b = ResultTable.builder(CodingReliability.AGREEMENT, "a")
                .text("form", "f")
                .text("variable", "v")
                .text("label", "l")
                .count("cases", "c")
                .count("pairs", "p")
                .count("agreements", "a")
                .proportion("agreement", "%")
                .number("kappa", "k")
                .number("kappa_low", "l")
                .number("kappa_high", "h")
                .text("note", "n");
        rows.forEach(b::add);
        return b.build();
    }

    static VariableRow variable(String label, long pairs, long agree, Double kappa) {
        return new VariableRow(
                "case", label.toUpperCase(), label, 23, pairs, agree, (double) agree / pairs, kappa, null, null, "");
    }

    @Test
    void theReliabilitySentencesGiveTheDoubleCodedShareTheRangesAndTheWeakVariablesFromTheAgreementTable() {
        List<VariableRow> rows = List.of(
                variable("Identification source", 23, 19, 0.55),
                variable("Trafficking type", 23, 23, 1.0),
                variable("Venue", 23, 23, null));
        List<String> s = DesignMethods.reliability(agreement(rows), withTotal());
        assertThat(s.get(0)).contains("no record of their training");
        assertThat(s.get(1))
                .startsWith("23 case files (" + Format.percent(23 / 86.0) + " of the 86 coded cases) were coded a"
                        + " second time");
        assertThat(s.get(2))
                .isEqualTo("Over 3 coded variables, percent agreement ranged from " + Format.percent(19 / 23.0)
                        + " (Identification source) to 100.0% (Trafficking type), and Cohen's kappa from 0.55"
                        + " (Identification source) to 1.00 (Trafficking type); 1 variable has no kappa (both coders"
                        + " used one value throughout).");
        assertThat(s.get(3)).contains("on 1 variable: Identification source;").contains("resting on it carry");
    }

    @Test
    void aKappaPrintedAsTheThresholdIsNotCalledWeakerThanSubstantial() {
        List<VariableRow> rows = List.of(variable("Actual victim", 22, 18, 0.609), variable("Venue", 22, 19, 0.604));
        List<String> s = DesignMethods.reliability(agreement(rows), null);
        assertThat(s.get(2)).contains("Cohen's kappa from 0.60 (Venue) to 0.61 (Actual victim)");
        assertThat(s.get(3)).contains("on 1 variable: Venue;").doesNotContain("Actual victim");
    }

    @Test
    void withoutDoubleCodedFilesReliabilityIsSaidToBeUnknown() {
        assertThat(DesignMethods.reliability(agreement(List.of()), null))
                .last()
                .asString()
                .isEqualTo("No case file was coded twice: inter-coder reliability is not known.");
    }
}
