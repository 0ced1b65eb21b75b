package org.tfeval.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The study section of an instrument: read, frozen with the instrument (written back) and checked. */
class StudyDescriptionTest {

    /** The built-in instrument without its study section. */
    private static final String BASE = withoutStudy(InstrumentLoader.builtInSource("ecm"));

    private static String withoutStudy(String yaml) {
        int at = yaml.indexOf("\nstudy:");
        assertThat(at).as("the built-in instrument has a study section").isPositive();
        return yaml.substring(0, at + 1);
    }

    @Test
    void the_built_in_instrument_describes_its_study_for_archive_packages() {
        StudyDescription s = InstrumentLoader.builtIn("ecm").study();
        assertThat(s.abstractText()).startsWith("A mixed-methods evaluation");
        assertThat(s.principalInvestigators()).isNotEmpty();
        assertThat(s.funding()).isNotEmpty();
        assertThat(s.doi()).isEmpty();
        assertThat(s.versionHistory()).isNotEmpty();
        assertThat(s.sampleDesign().frames()).isNotEmpty();
        assertThat(s.withheld()).extracting(StudyDescription.Withheld::what).anyMatch(w -> w.contains("narratives"));
    }

    @Test
    void the_study_section_survives_the_round_trip_a_snapshot_makes() {
        Instrument ecm = InstrumentLoader.builtIn("ecm");
        Instrument again = InstrumentLoader.parse(InstrumentWriter.toYaml(ecm), "written");
        assertThat(again.study()).isEqualTo(ecm.study());
    }

    @Test
    void an_instrument_without_a_study_section_has_a_description_with_its_title_and_version_only() {
        Instrument ins = InstrumentLoader.parse(BASE, "t.yaml");
        assertThat(ins.study().title()).isEqualTo(ins.title());
        assertThat(ins.study().version()).isEqualTo(ins.version());
        assertThat(ins.study().isEmpty(ins.title(), ins.version())).isTrue();
        assertThat(InstrumentWriter.toYaml(ins)).doesNotContain("study:");
    }

    @Test
    void refuses_a_doi_that_is_not_a_doi_and_a_funder_without_a_name() {
        assertThatThrownBy(() -> InstrumentLoader.parse(BASE + "study: {doi: 'doi:12'}\n", "t.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("doi");
        assertThatThrownBy(() -> InstrumentLoader.parse(BASE + "study: {funding: [{award: X1}]}\n", "t.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("funder");
    }

    @Test
    void the_research_questions_are_read_in_order_with_their_ids_and_survive_the_round_trip() {
        Instrument ecm = InstrumentLoader.builtIn("ecm");
        assertThat(ecm.study().researchQuestions())
                .extracting(StudyDescription.ResearchQuestion::id)
                .containsExactly("case_outcomes", "task_force_features", "interviews");
        assertThat(ecm.study().researchQuestions().get(0).question()).startsWith("Which characteristics of a case");
        Instrument again = InstrumentLoader.parse(InstrumentWriter.toYaml(ecm), "written");
        assertThat(again.study().researchQuestions()).isEqualTo(ecm.study().researchQuestions());
        assertThat(InstrumentLoader.parse(BASE, "t.yaml").study().researchQuestions())
                .isEmpty();
    }

    @Test
    void refuses_a_research_question_without_words_with_a_bad_id_or_with_an_id_used_twice() {
        assertThatThrownBy(() -> InstrumentLoader.parse(BASE + "study: {research_questions: [{id: q1}]}\n", "t.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("research_questions");
        assertThatThrownBy(() -> InstrumentLoader.parse(
                        BASE + "study: {research_questions: [{id: Q 1, question: Why}]}\n", "t.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> InstrumentLoader.parse(
                        BASE + "study: {research_questions: [{id: q, question: Why}, {id: q, question: How}]}\n",
                        "t.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("unique");
    }
}
