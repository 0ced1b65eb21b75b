package org.tfeval.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Code meanings the analyses use come from the instrument's code_classes, checked when it loads. */
class CodeClassTest {
    private static final String ECM = InstrumentLoader.builtInSource("ecm");
    private static final String STATUTES = "  S_TOP_CHARGE: {trafficking_statute: [1, 2, 3, 4]}\n";

    @Test
    void the_built_in_instrument_says_which_top_charges_are_trafficking_statutes() {
        Instrument ins = InstrumentLoader.builtIn("ecm");
        assertThat(ins.codeClass("S_TOP_CHARGE", "trafficking_statute")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(ins.codeClass("HT_TYPE", "sex_trafficking")).containsExactly(1L);
        assertThat(ins.codeClass("ID_SOURCE", "sting")).containsExactly(1L);
        assertThatThrownBy(() -> ins.codeClass("S_TOP_CHARGE", "felony"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no code class felony of S_TOP_CHARGE");
    }

    @Test
    void a_study_can_redefine_a_class_and_the_analyses_follow_its_instrument() {
        Instrument ins = InstrumentLoader.parse(
                ECM.replace(STATUTES, "  S_TOP_CHARGE: {trafficking_statute: [1, 3]}\n"), "study.yaml");
        assertThat(ins.codeClass("S_TOP_CHARGE", "trafficking_statute")).isEqualTo(Set.of(1L, 3L));
    }

    @Test
    void refuses_a_class_with_a_code_the_variable_does_not_have() {
        String yaml = ECM.replace(STATUTES, "  S_TOP_CHARGE: {trafficking_statute: [1, 2, 99]}\n");
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "study.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("study.yaml")
                .hasMessageContaining("99 is not a code of S_TOP_CHARGE");
    }

    @Test
    void refuses_a_class_of_a_variable_no_form_has() {
        String yaml = ECM.replace(STATUTES, STATUTES + "  NO_SUCH_VAR: {x: [1]}\n");
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "study.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("NO_SUCH_VAR is not a variable of any form");
    }

    @Test
    void code_classes_survive_writing_the_instrument_back_to_yaml() {
        Instrument ins = InstrumentLoader.builtIn("ecm");
        Instrument again = InstrumentLoader.parse(InstrumentWriter.toYaml(ins), "written.yaml");
        assertThat(again.codeClasses()).isEqualTo(ins.codeClasses());
    }
}
