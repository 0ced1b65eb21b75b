package org.tfeval.instrument.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.InstrumentWriter;
import org.tfeval.instrument.ReleaseLevel;

class DisclosureModelTest {
    @Test
    void theBuiltInInstrumentDeclaresAttackersScenarioProfileAndHierarchies() {
        DisclosureModel m = InstrumentLoader.builtIn("ecm").disclosureModel();
        assertThat(m.attackersAt(ReleaseLevel.PUBLIC))
                .extracting(Attacker::name)
                .containsExactly("register", "docket", "news", "staff");
        assertThat(m.quasiIdentifiersAt(ReleaseLevel.PUBLIC))
                .contains("suspect.S_SENTENCE_MONTHS", "case.TF_REGION", "suspect.S_DAYS_ARREST_TO_INDICTMENT");
        assertThat(m.scenarioAt(ReleaseLevel.PUBLIC)).isEqualTo(Scenario.SEPARATE);
        assertThat(m.profile())
                .hasValueSatisfying(p -> assertThat(p.minGroups()).isEqualTo(3));
        Hierarchy age = m.hierarchy("victim.V_AGE").orElseThrow();
        assertThat(age.dimension()).isEqualTo("age");
        assertThat(age.height()).isEqualTo(5);
        assertThat(age.levels().get(0).groupOf("17")).contains(15L);
        assertThat(age.levels().get(2).codeLabels()).containsEntry(0L, "0-17").containsEntry(18L, "18+");
        Hierarchy state = m.hierarchy("task_force.TF_STATE").orElseThrow();
        assertThat(state.levels().get(0).groupOf("TX")).contains(3L);
    }

    @Test
    void theModelSurvivesWritingAndReadingTheInstrument() {
        Instrument ins = InstrumentLoader.builtIn("ecm");
        Instrument again = InstrumentLoader.parse(InstrumentWriter.toYaml(ins), "written");
        assertThat(again.disclosureModel()).isEqualTo(ins.disclosureModel());
    }

    @Test
    void aBandBoundBelowZeroIsRefusedBecauseItWouldReadAsAMissingCode() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var node = yaml.readTree("hierarchies:\n  - {variable: victim.V_AGE, levels: [{name: x, bands: [-5, 0]}]}\n");
        assertThatThrownBy(() -> DisclosureModel.parse(node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative numbers are missing codes");
    }
}
