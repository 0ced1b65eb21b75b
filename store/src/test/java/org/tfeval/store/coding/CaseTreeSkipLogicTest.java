package org.tfeval.store.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Violation;

/**
 * Skip logic over a case file, built in memory: a variable that does not apply reads as the
 * validator reads it (not applicable, equal to no value), so the chain below it is skipped and the
 * records the coding form shows are the records validation accepts.
 */
class CaseTreeSkipLogicTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");
    private final CaseForms forms = CaseForms.of(ecm);

    /** A case with one victim, the given suspects (entered cells over valid defaults) and one offense of the first. */
    private CaseTree tree(Map<String, String> caseCells, List<Map<String, String>> suspects) {
        List<DraftRecord> out = new ArrayList<>();
        Map<String, String> c = new LinkedHashMap<>(forms.newRecordCells(forms.root(), Map.of(), "TF01", 1));
        String caseId = c.get(forms.root().key().get(0));
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("INCIDENT_DATE", "2018-01-01");
        dates.put("CASE_OPEN_DATE", "2018-02-01");
        dates.put("CASE_CLOSE_DATE", "2019-01-01");
        dates.putAll(caseCells);
        c.putAll(ValidCells.of(forms, "case", dates));
        long id = 1;
        out.add(new DraftRecord(id, caseId, Pass.FIRST, "case", caseId, null, c, 0));
        Form victim = forms.form("victim");
        Map<String, String> v = new LinkedHashMap<>(forms.newRecordCells(victim, c, "TF01", 1));
        v.putAll(ValidCells.of(forms, "victim", Map.of("V_AGE", "30", "V_MINOR", "0")));
        out.add(new DraftRecord(++id, caseId, Pass.FIRST, "victim", forms.recordKey(victim, v), 1L, v, 0));
        Form suspect = forms.form("suspect");
        Form offense = forms.form("offense");
        for (int n = 0; n < suspects.size(); n++) {
            Map<String, String> s = new LinkedHashMap<>(forms.newRecordCells(suspect, c, "TF01", n + 1));
            s.putAll(ValidCells.of(forms, "suspect", suspects.get(n)));
            long suspectId = ++id;
            out.add(new DraftRecord(suspectId, caseId, Pass.FIRST, "suspect", forms.recordKey(suspect, s), 1L, s, 0));
            if (n == 0) {
                Map<String, String> o = new LinkedHashMap<>(forms.newRecordCells(offense, s, "TF01", 1));
                o.putAll(ValidCells.of(forms, "offense", Map.of()));
                out.add(new DraftRecord(
                        ++id, caseId, Pass.FIRST, "offense", forms.recordKey(offense, o), suspectId, o, 0));
            }
        }
        return CaseTree.of(forms, out);
    }

    private static CaseTree.Node first(CaseTree tree, String form) {
        return tree.nodes().stream()
                .filter(n -> n.form().name().equals(form))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_suspect_not_prosecuted_skips_the_disposition_and_the_sentence_below_it_and_the_check_accepts_it() {
        // the coder had started a sentence before keying "not prosecuted": what was typed is overridden
        CaseTree tree = tree(
                Map.of(),
                List.of(Map.of(
                        "S_PROSECUTED", "0",
                        "S_SENTENCE_TYPE", "1",
                        "S_SENTENCE_MONTHS", "12",
                        "S_SENTENCE_DATE", "2018-09-01")));
        CaseTree.Node s = first(tree, "suspect");
        Form suspect = forms.form("suspect");

        for (String skipped : List.of(
                "S_DISPOSITION", "S_DISPOSITION_DATE", "S_SENTENCE_TYPE", "S_SENTENCE_MONTHS", "S_SENTENCE_DATE")) {
            assertThat(s.prepared()).as(skipped).containsEntry(skipped, "-7");
            assertThat(tree.applies(s, suspect.variable(skipped)))
                    .as(skipped + " is not shown")
                    .isEqualTo(Truth.FALSE);
        }
        CaseCheck check = tree.check();
        assertThat(check.of(s.record().id())).as("the suspect record").isEmpty();
        assertThat(check.errors()).as("the whole case file").isEmpty();
    }

    @Test
    void a_disposition_that_does_not_apply_counts_as_no_conviction_in_a_derived_any_and_an_unknown_one_stays_unknown() {
        CaseTree notProsecuted = tree(Map.of(), List.of(Map.of("S_PROSECUTED", "0", "S_ARRESTED", "0")));
        assertThat(notProsecuted.root().prepared())
                .as("no suspect convicted: 0, not blank")
                .containsEntry("ANY_CONVICTION", "0")
                .containsEntry("ANY_PROSECUTION", "0")
                .containsEntry("ANY_HT_CHARGE", "0");

        CaseTree arrestNotApplicable = tree(Map.of(), List.of(Map.of("S_ARRESTED", "-7")));
        assertThat(arrestNotApplicable.root().prepared())
                .as("a suspect whose arrest is coded not applicable was not arrested: 0, not blank")
                .containsEntry("ANY_ARREST", "0");

        CaseTree oneUnknown = tree(
                Map.of(), List.of(Map.of("S_PROSECUTED", "0"), Map.of("S_PROSECUTED", "1", "S_DISPOSITION", "-8")));
        assertThat(oneUnknown.root().prepared())
                .as("a suspect whose disposition is unknown may have been convicted")
                .containsEntry("ANY_CONVICTION", "");

        CaseTree oneConvicted =
                tree(Map.of(), List.of(Map.of("S_PROSECUTED", "0"), Map.of("S_PROSECUTED", "1", "S_DISPOSITION", "2")));
        assertThat(oneConvicted.root().prepared()).containsEntry("ANY_CONVICTION", "1");
    }

    @Test
    void not_applicable_keyed_with_a_leading_zero_is_the_code_and_is_cleared_when_the_variable_applies() {
        CaseTree applies = tree(Map.of("HT_TYPE", "2", "LABOR_INDUSTRY", "-07"), List.of(Map.of()));
        assertThat(applies.root().prepared()).containsEntry("LABOR_INDUSTRY", "");

        CaseTree skipped = tree(Map.of("HT_TYPE", "1", "LABOR_INDUSTRY", " -07 "), List.of(Map.of()));
        assertThat(forms.isNotApplicable(skipped.root().prepared().get("LABOR_INDUSTRY")))
                .isTrue();
        assertThat(skipped.check().of(skipped.root().record().id()))
                .extracting(Violation::variable)
                .doesNotContain("LABOR_INDUSTRY");
    }

    @Test
    void cells_read_not_applicable_as_a_definite_absence_and_the_other_missing_codes_as_unknown() {
        Form suspect = forms.form("suspect");
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("S_DISPOSITION", "-07");
        cells.put("S_SENTENCE_TYPE", "-8");
        cells.put("S_TOP_CHARGE", "-9");
        cells.put("S_SENTENCE_MONTHS", "-7");
        cells.put("S_SENTENCE_DATE", " -7 ");
        var view = forms.typed(suspect, cells);

        assertThat(view.apply("S_DISPOSITION")).isEqualTo(Missing.of(MissingCode.NOT_APPLICABLE));
        assertThat(view.apply("S_SENTENCE_MONTHS")).isEqualTo(Missing.of(MissingCode.NOT_APPLICABLE));
        assertThat(view.apply("S_SENTENCE_DATE")).isEqualTo(Missing.of(MissingCode.NOT_APPLICABLE));
        assertThat(view.apply("S_SENTENCE_TYPE")).isNull();
        assertThat(view.apply("S_TOP_CHARGE")).isNull();
        assertThat(suspect.variable("S_SENTENCE_TYPE").appliesWhen().test(view))
                .as("a disposition that does not apply is neither 1 nor 2")
                .isEqualTo(Truth.FALSE);
        assertThat(suspect.variable("S_SENTENCE_MONTHS").appliesWhen().test(view))
                .as("a sentence type that is unknown may be prison")
                .isEqualTo(Truth.UNKNOWN);
        assertThat(forms.isNotApplicable("-007"))
                .as("too long to be a missing code")
                .isFalse();
        assertThat(forms.isNotApplicable("-8")).isFalse();
    }
}
